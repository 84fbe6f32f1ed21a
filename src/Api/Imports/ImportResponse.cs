using System.ComponentModel;
using NVelopes.Api.Accounts;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Imports;

/// <summary>
/// What an import did, or in a dry run would do: <see cref="New"/> the lines recorded (oldest first, as recorded),
/// <see cref="Duplicates"/> those the account already holds, <see cref="Refused"/> those refused with their reasons,
/// and the account after the request.
/// </summary>
[Description("What an import did, or in a dry run would do: the lines recorded, those the account already held, those refused, and the account after it.")]
public sealed record ImportResponse(
    [property: Description("Whether this was a dry run, which changed nothing.")] bool DryRun,
    [property: Description("The statement's format: `csv`, `ofx` or `qif`.")] string Format,
    [property: Description("The envelope the lines went to.")] int EnvelopeId,
    [property: Description("The lines recorded (in a dry run: that would be), oldest first.")] IReadOnlyList<ImportLineResponse> New,
    [property: Description("The lines the account already held, skipped.")] IReadOnlyList<ImportLineResponse> Duplicates,
    [property: Description("The lines refused, with their reasons (a real import with any is refused as a whole).")]
    IReadOnlyList<RefusedLineResponse> Refused,
    [property: Description("The account after the import.")] AccountResponse Account) : IHasExample<ImportResponse>
{
    public static ImportResponse Example => new(false, "csv", 1, [ImportLineResponse.Example], [], [],
        AccountResponse.Example with { Transaction = null });
}

/// <summary>A statement line: its line in the file, its booking date, its signed amount, its text and its import id.</summary>
[Description("A statement line.")]
public sealed record ImportLineResponse(
    [property: Description("Its line number in the file, from 1.")] int Line,
    [property: Description("Its booking date.")] DateOnly Date,
    [property: Description("Its amount: positive a deposit, negative a debit.")] decimal Amount,
    [property: Description("Its text, as the history shows it.")] string Description,
    [property: Description("The id that recognises it as a duplicate: the OFX FITID, else derived from its date, amount, text and occurrence.")]
    string ImportId) : IHasExample<ImportLineResponse>
{
    public static ImportLineResponse Example => new(2, new DateOnly(2026, 12, 4), -12.34m, "TESCO STORES 2231", "line:20261204-3f9a1c07d2b84e6a5c1d0e9f");
}

[Description("A refused statement line and why.")]
public sealed record RefusedLineResponse(
    [property: Description("Its line number in the file, from 1.")] int Line,
    [property: Description("Why it was refused.")] string Reason) : IHasExample<RefusedLineResponse>
{
    public static RefusedLineResponse Example => new(7, "The amount is missing.");
}
