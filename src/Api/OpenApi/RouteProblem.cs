namespace NVelopes.Api.OpenApi;

/// <summary>
/// One refusal a route can answer: its status and the <c>detail</c> a client sees, shown as an example problem body,
/// with the extra members such a body carries (<paramref name="Extensions"/>).
/// </summary>
public sealed record RouteProblem(int Status, string Detail, IReadOnlyDictionary<string, string>? Extensions = null);
