namespace NVelopes.Grains.Abstractions.Errors;

/// <summary>
/// The one error that crosses the grain boundary: a user-readable reason and the kind of refusal.
/// Grains map domain and store failures to it; the gateway turns it into problem details.
/// </summary>
[GenerateSerializer, Alias("NVelopes.NVelopesException")]
public sealed class NVelopesException : Exception
{
    public NVelopesException(ErrorKind kind, string message) : base(message) => Kind = kind;

    [Id(0)]
    public ErrorKind Kind { get; }

    public static NVelopesException AccountNotFound(string accountId) =>
        new(ErrorKind.NotFound, $"Account '{accountId}' was not found.");

    /// <summary>The store could not be read or did not confirm a write; retrying (with the same idempotency key) is safe.</summary>
    public static NVelopesException StoreUnavailable() =>
        new(ErrorKind.Unavailable, "The account store is unavailable right now; try again shortly.");
}
