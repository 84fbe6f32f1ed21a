using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Preconditions;

/// <summary>
/// Reads what a mutation asks of its retries and of the account's version into the grain's
/// <see cref="CommandOptions"/>: <c>Idempotency-Key</c> with the request's fingerprint, and <c>If-Match</c> as the
/// version the client last saw. A malformed header is a 400 before anything is applied.
/// </summary>
public sealed class CommandPreconditions(IOptions<JsonOptions> json)
{
    /// <summary>The options of the mutation <paramref name="request"/> carries; <paramref name="canonicalRequest"/> is its bound input.</summary>
    public CommandOptions Read(HttpRequest request, object canonicalRequest)
    {
        var key = IdempotencyKeyOf(request);
        return new CommandOptions(IfMatchVersionOf(request), key, key is null ? null : Fingerprint(request, canonicalRequest));
    }

    /// <summary>
    /// The request as the service understood it: its method, its route pattern and its bound input re-serialized, so
    /// that whitespace, property order or an unknown property do not make a retry look like another request.
    /// </summary>
    public string Fingerprint(HttpRequest request, object canonicalRequest)
    {
        var route = request.HttpContext.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText : request.Path.Value;
        var body = JsonSerializer.Serialize(canonicalRequest, canonicalRequest.GetType(), json.Value.SerializerOptions);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method} {route}\n{body}"));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// The <c>Idempotency-Key</c>: absent is null; otherwise one value of 1–200 printable ASCII characters that neither
    /// starts nor ends with a space.
    /// </summary>
    public static string? IdempotencyKeyOf(HttpRequest request)
    {
        var values = request.Headers[RetryHeaders.IdempotencyKey];
        if (values.Count == 0) return null;
        if (values.Count > 1)
            throw Invalid($"Send one {RetryHeaders.IdempotencyKey} header, not {values.Count}.");
        var key = values[0] ?? "";
        if (key.Length is 0 or > RetryHeaders.MaxIdempotencyKeyLength || key.Trim().Length != key.Length || !key.All(c => c is >= ' ' and <= '~'))
            throw Invalid($"{RetryHeaders.IdempotencyKey} must be 1 to {RetryHeaders.MaxIdempotencyKeyLength} printable ASCII characters, " +
                "without leading or trailing spaces.");
        return key;
    }

    /// <summary>
    /// The version <c>If-Match</c> names: absent or <c>*</c> is null (no condition); otherwise exactly one strong
    /// entity tag holding a version, as the <c>ETag</c> header gave it (<c>"7"</c>).
    /// </summary>
    public static long? IfMatchVersionOf(HttpRequest request)
    {
        var values = request.Headers[HeaderNames.IfMatch];
        if (values.Count == 0) return null;
        var tag = values.Count == 1 ? values[0]?.Trim() ?? "" : "";
        if (tag == "*") return null;
        if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return version;
        throw Invalid("If-Match must be one ETag of this account as the service sent it, such as \"7\", or *.");
    }

    /// <summary>The <c>ETag</c> header value of an account at <paramref name="version"/>.</summary>
    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static NVelopesException Invalid(string reason) => new(ErrorKind.Invalid, reason);
}
