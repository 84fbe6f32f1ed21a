namespace NVelopes.Api.Preconditions;

/// <summary>The request headers that make a mutation safe to retry and safe against a stale view.</summary>
public static class RetryHeaders
{
    /// <summary>A client-chosen key, unique per request on one account of one user, that makes a retry return the first answer.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Longest accepted <see cref="IdempotencyKey"/>, in characters.</summary>
    public const int MaxIdempotencyKeyLength = 200;
}
