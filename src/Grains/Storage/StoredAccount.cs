using NVelopes.Grains.Domain;

namespace NVelopes.Grains.Storage;

/// <summary>An account as last committed, with the version that commit wrote (1 for the opening).</summary>
public sealed record StoredAccount(Account Account, long Version);
