namespace NVelopes.Web.Contracts;

/// <summary>RFC 7807 problem details: the reason is in <c>detail</c>.</summary>
public sealed record Problem(string? Title, string? Detail, int? Status);
