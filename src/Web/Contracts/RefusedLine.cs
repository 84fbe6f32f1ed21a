namespace NVelopes.Web.Contracts;

/// <summary>A statement line the import refuses, and why.</summary>
public sealed record RefusedLine(int Line, string Reason);
