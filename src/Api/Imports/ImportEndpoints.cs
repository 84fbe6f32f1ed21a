using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Accounts;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Preconditions;
using NVelopes.Api.Security;
using NVelopes.Api.Wire;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Imports;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Api.Imports;

/// <summary>
/// Bank statements in, the history out. The import hands the file to the account grain, which reads it and applies
/// every rule (duplicates, refusals, the one write); the export pages through the history and streams it as CSV.
/// </summary>
public static class ImportEndpoints
{
    /// <summary>The largest import request: the largest statement and the multipart framing around it.</summary>
    public const long MaxImportRequestBytes = StatementLimits.MaxBytes + 64 * 1024;

    private static readonly string ImportDescription =
        "The statement goes in the multipart/form-data field `file`: CSV (the header found among the first rows, or the " +
        "columns found by their content; `date_column`, `amount_column` or `in_column` and `out_column`, `description_column` " +
        "by header name or number from 1; decimals with `.` or `,`, detected or given as `decimal`; dates in the common formats, " +
        "or `date_format` such as dd/MM/yyyy), OFX or QFX (1.x SGML and 2.x XML) or QIF; the format from `format`, else the " +
        "file name, else the content. Every line becomes a deposit (a positive amount) or a debit (a negative one) of envelope " +
        "`envelope_id` (default 0, Available), dated its booking date, oldest first. Each line has an import id (OFX FITID; " +
        "otherwise its date, amount, description and occurrence in the file): a line whose id the account already holds is " +
        "skipped as a duplicate, so the same file imported twice imports nothing the second time, and an overlapping " +
        "statement only its new lines. `dry_run=true` answers what would be imported, the duplicates and the refused lines " +
        "(with line numbers and reasons) and changes nothing. A real import is one write: every new line or, when any line " +
        "is refused, none, with a 400 naming that line. At most " +
        $"{StatementLimits.MaxLines} transactions and {StatementLimits.MaxBytes / (1024 * 1024)} MB per file: more is 413. " +
        "Retrying an import is safe: what it recorded the first time is a duplicate the second; with the same `Idempotency-Key` " +
        "(and the same file and options) a retry answers exactly what the first import answered. `If-Match` refuses it (412) " +
        "unless the account is still at that version.";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/accounts")
            .RequireAuthorization()
            .WithTags("Import and export");

        accounts.MapPost($"/{AccountIds.RouteSegment}/import", Import).WithName("ImportStatement")
            // A bearer-token API: no cookie is sent by itself, so there is no cross-site request to forge.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportRequestBytes))
            .LimitWritesPerUser()
            .Documented(
                "Import a bank statement (CSV, OFX/QFX or QIF) into an envelope, or see what it would import.",
                RouteAnswers.AccountCommand(
                    RouteAnswers.Invalid("Send the statement as multipart/form-data with the file in the field 'file'."),
                    RouteAnswers.Invalid($"Line 3: Cannot debit more than is available in '{ApiExamples.Groceries}' when account is not allowed to go negative Nothing was imported."),
                    RouteAnswers.Invalid("No column of amounts was found: name it with amount_column (or in_column and out_column)."),
                    RouteAnswers.EnvelopeNotFound,
                    new RouteProblem(StatusCodes.Status413PayloadTooLarge,
                        $"The statement has {StatementLimits.MaxLines + 1} or more transactions; at most {StatementLimits.MaxLines} are imported at once: import it in parts."),
                    new RouteProblem(StatusCodes.Status415UnsupportedMediaType, Errors.ProblemDetailsExtensions.UnsupportedContentType)),
                ImportDescription);
        accounts.MapGet($"/{AccountIds.RouteSegment}/export", Export).WithName("ExportHistory")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Documented(
                "The effective history as CSV, oldest first, streamed.",
                RouteAnswers.AccountRead(sendsETag: false, RouteAnswers.Invalid("format must be csv, not 'xml'.")) with { AnswerExample =
                    "id,date,kind,envelope_id,envelope,to_envelope_id,to_envelope,payer,description,amount,balance,import_id\r\n" +
                    "0,2026-12-01T09:30:00.000Z,deposit,0,Available,,,,Opening balance,1280.00,1280.00,\r\n" +
                    "1,2026-12-04T00:00:00.000Z,debit,1,Groceries,,,,TESCO STORES 2231,-12.34,1267.66,line:20261204-3f9a1c07d2b84e6a5c1d0e9f\r\n" },
                "`format=csv` (the default and only format). Columns: id, date, kind, envelope_id, envelope, " +
                "to_envelope_id, to_envelope, payer, description, amount, balance, import_id; the file imports back as a CSV statement.");
        return endpoints;
    }

    public static async Task<JsonOk<ImportResponse>> Import([AsParameters] ImportRequest request, [AsParameters] AccountServices services)
    {
        var file = request.File ?? throw new NVelopesException(ErrorKind.Invalid,
            "Send the statement as multipart/form-data with the file in the field 'file'.");
        if (file.Length > StatementLimits.MaxBytes)
            throw new NVelopesException(ErrorKind.TooLarge,
                $"The statement is {file.Length} bytes; at most {StatementLimits.MaxBytes} bytes are imported at once.");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, services.Aborted);
        var options = services.OptionsFor(new ImportInput(
            request with { File = null }, file.FileName, Convert.ToHexStringLower(SHA256.HashData(content))));
        var report = await services.Account(request.Id).ImportAsync(new ImportStatement(
            services.User.Id, file.FileName, content, request.EnvelopeId ?? 0, request.DryRun ?? false, request.ToSettings(), options), services.Aborted);
        services.Response.Headers[HeaderNames.ETag] = CommandPreconditions.ETagOf(report.Account.Version);
        return JsonOk.Of(report.ToResponse());
    }

    /// <summary>What an import is, for its Idempotency-Key's fingerprint: the options, the file's name and the hash of its content.</summary>
    private sealed record ImportInput(ImportRequest Options, string FileName, string ContentSha256);

    public static async Task Export(string id, [FromQuery(Name = "format")] string? format, [AsParameters] AccountServices services)
    {
        if (format is not null && !format.Equals("csv", StringComparison.OrdinalIgnoreCase))
            throw new NVelopesException(ErrorKind.Invalid, $"format must be csv, not '{(format.Length <= 20 ? format : format[..20] + "…")}'.");
        var account = await services.View(id); // refuses an unknown or another user's account before anything is sent
        var response = services.Response;
        response.ContentType = HistoryCsv.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"nvelopes-{account.AccountId}.csv\"";
        var grain = services.Account(id);
        await HistoryCsv.WriteAsync(response.Body, async (page, cancellationToken) =>
            await grain.ReadHistoryAsync(new ReadHistory(services.User.Id, page, HistoryCsv.PageSize), cancellationToken), services.Aborted);
    }
}
