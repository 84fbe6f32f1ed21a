using System.Security.Cryptography;
using System.Text;

namespace NVelopes.Api.Accounts;

/// <summary>
/// Account ids are opaque to clients: 32 lowercase hex digits. An account opened with an <c>Idempotency-Key</c>
/// gets the id derived from its owner and that key, so a retry reaches the same account grain, which answers
/// with the first reply instead of opening a second account.
/// </summary>
public static class AccountIds
{
    /// <summary>Longest string the gateway treats as a possible account id; anything longer names no account.</summary>
    public const int MaxLength = 64;

    public static string New() => Guid.NewGuid().ToString("N");

    public static string ForIdempotencyKey(string ownerId, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ownerId}\n{idempotencyKey}")))[..32];

    /// <summary>
    /// Whether <paramref name="accountId"/> could name an account: 1–64 letters, digits, '-' or '_'. Anything else
    /// is answered 404 without activating a grain for it.
    /// </summary>
    public static bool IsWellFormed(string? accountId) =>
        accountId is { Length: > 0 and <= MaxLength } && accountId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
