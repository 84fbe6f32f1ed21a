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

    /// <summary>The shape of an account id on the wire, as a regular expression: what <see cref="IsWellFormed"/> accepts.</summary>
    public const string Pattern = "^[0-9a-f-]{1,64}$";

    /// <summary>The route constraint name of an account id segment (<c>{id:accountId}</c>), so a word such as <c>new</c> is no id.</summary>
    public const string RouteConstraint = "accountId";

    /// <summary>The route segment of an account id, constrained, for every route about one account.</summary>
    public const string RouteSegment = "{id:" + RouteConstraint + "}";

    /// <summary>The route of one account, which every route about it extends.</summary>
    public const string AccountRoute = "/accounts/" + RouteSegment;

    /// <summary>
    /// Whether <paramref name="accountId"/> could name an account: 1–64 lowercase hex digits or '-' (ids are 32 hex
    /// digits). Anything else is answered 404 without activating a grain for it, and a route segment that is not
    /// such an id matches no account route, so <c>GET /accounts/new</c> is the 405 of the route that is there.
    /// </summary>
    public static bool IsWellFormed(string? accountId) =>
        accountId is { Length: > 0 and <= MaxLength } && accountId.All(c => char.IsAsciiHexDigitLower(c) || c == '-');
}
