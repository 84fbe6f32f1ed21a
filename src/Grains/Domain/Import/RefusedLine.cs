namespace NVelopes.Grains.Domain.Import;

/// <summary>A line of a statement that cannot be imported, with the reason, written for the user.</summary>
public sealed record RefusedLine(int Line, string Reason);
