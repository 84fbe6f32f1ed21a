namespace NVelopes.Grains.Domain.Import;

/// <summary>A statement line with its import id, as the import recorded it, would record it, or skipped it as held already.</summary>
public sealed record ImportedLine(int Line, DateOnly Date, decimal Amount, string Description, string ImportId);
