namespace NVelopes.Grains.Storage;

/// <summary>
/// The answer a command with an idempotency key got, kept with the commit that applied it so that a retry finds
/// it even after a crash or a restart: a retry is never applied twice. <see cref="Key"/> is already scoped to the
/// caller; <see cref="Fingerprint"/> identifies the request body the key was first used with.
/// </summary>
public sealed record RememberedReply(string Key, string Fingerprint, string Reply, DateTimeOffset ExpiresAt);
