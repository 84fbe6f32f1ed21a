namespace NVelopes.Bench.Baseline;

/// <summary>
/// A user as the original stored it (its <c>users</c> collection): what its bearer check read back on every request
/// to learn the user's id and whether the user may still act.
/// </summary>
internal sealed record BaselineUser(string Id, string Username, bool Disabled);
