using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Imports;

/// <summary>A statement line: where it is in the file, what it says, and the import id the account knows it by.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ImportLineView")]
public sealed record ImportLineView(int Line, DateOnly Date, decimal Amount, string Description, string ImportId);

[GenerateSerializer, Immutable, Alias("NVelopes.RefusedLineView")]
public sealed record RefusedLineView(int Line, string Reason);

/// <summary>
/// What an import did (or, in a dry run, would do): the lines it records, in the order it records them; the lines
/// the account already holds; the lines refused with their reasons (only a dry run can answer some); and the
/// account after the request (a dry run leaves it as it was).
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ImportReport")]
public sealed record ImportReport(
    bool DryRun,
    string Format,
    int EnvelopeId,
    ImmutableArray<ImportLineView> New,
    ImmutableArray<ImportLineView> Duplicates,
    ImmutableArray<RefusedLineView> Refused,
    AccountView Account);
