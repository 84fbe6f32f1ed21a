using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Imports;

/// <summary>
/// Import a bank statement file into envelope <see cref="EnvelopeId"/>: every new line a deposit or a debit, all in
/// one write; with <see cref="DryRun"/>, only say what would happen. The file travels as sent, and the grain reads it.
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ImportStatement")]
public sealed record ImportStatement(
    string OwnerId,
    string? FileName,
    ReadOnlyMemory<byte> Content,
    int EnvelopeId,
    bool DryRun,
    StatementSettings Settings,
    CommandOptions? Options = null);

/// <summary>What the caller says about the file's format and columns where detection is not enough; each optional.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.StatementSettings")]
public sealed record StatementSettings(
    string? Format = null,
    string? DateColumn = null,
    string? AmountColumn = null,
    string? InColumn = null,
    string? OutColumn = null,
    string? DescriptionColumn = null,
    string? DateFormat = null,
    string? DecimalSeparator = null);
