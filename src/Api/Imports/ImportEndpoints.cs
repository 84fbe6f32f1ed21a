using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Accounts;
using NVelopes.Api.Hosting;
using NVelopes.Api.Security;
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
        "Retrying an import is safe: what it recorded the first time is a duplicate the second.";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/accounts")
            .RequireAuthorization()
            .WithTags("Import and export")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        accounts.MapPost("/{id}/import", Import).WithName("ImportStatement")
            .WithSummary("Import a bank statement (CSV, OFX/QFX or QIF) into an envelope, or see what it would import.")
            .WithDescription(ImportDescription)
            // A bearer-token API: no cookie is sent by itself, so there is no cross-site request to forge.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportRequestBytes))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .LimitWritesPerUser();
        accounts.MapGet("/{id}/export", Export).WithName("ExportHistory")
            .WithSummary("The effective history as CSV, oldest first, streamed.")
            .WithDescription("`format=csv` (the default and only format). Columns: id, date, kind, envelope_id, envelope, " +
                "to_envelope_id, to_envelope, payer, description, amount, balance, import_id; the file imports back as a CSV statement.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
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
        // No Idempotency-Key: a retried import finds what the first one recorded and imports nothing again.
        var options = new CommandOptions(IfMatchVersion: Retries.CommandPreconditions.IfMatchVersionOf(services.Response.HttpContext.Request));
        var report = await services.Account(request.Id).ImportAsync(new ImportStatement(
            services.User.Id, file.FileName, content, request.EnvelopeId ?? 0, request.DryRun ?? false, request.ToSettings(), options), services.Aborted);
        services.Response.Headers[HeaderNames.ETag] = Retries.CommandPreconditions.ETagOf(report.Account.Version);
        return JsonOk.Of(report.ToResponse());
    }

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
