namespace NVelopes.Web.Contracts;

/// <summary>A page of <c>GET /accounts/{id}/changes</c>: the events after a version, and whether more follow.</summary>
public sealed record ChangeList(long Version, IReadOnlyList<Change> Changes, bool More);
