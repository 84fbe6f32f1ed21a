using NVelopes.Api.Accounts;

namespace NVelopes.Api.Imports;

/// <summary>
/// What an import did, or in a dry run would do: <see cref="New"/> the lines recorded (oldest first, as recorded),
/// <see cref="Duplicates"/> those the account already holds, <see cref="Refused"/> those refused with their reasons,
/// and the account after the request.
/// </summary>
public sealed record ImportResponse(
    bool DryRun,
    string Format,
    int EnvelopeId,
    IReadOnlyList<ImportLineResponse> New,
    IReadOnlyList<ImportLineResponse> Duplicates,
    IReadOnlyList<RefusedLineResponse> Refused,
    AccountResponse Account);

/// <summary>A statement line: its line in the file, its booking date, its signed amount, its text and its import id.</summary>
public sealed record ImportLineResponse(int Line, DateOnly Date, decimal Amount, string Description, string ImportId);

public sealed record RefusedLineResponse(int Line, string Reason);
