using Microsoft.AspNetCore.Mvc;

namespace NVelopes.Api.Imports;

/// <summary>
/// <c>POST /accounts/{id}/import</c>: the statement in the form field <c>file</c>, and in the query the envelope its
/// lines go to (default 0, Available), whether it is a dry run (default false), and what detection cannot know:
/// the format, the CSV columns (by header name or number from 1), the date format and the decimal separator.
/// </summary>
public sealed record ImportRequest(
    string Id,
    IFormFile? File,
    [property: FromQuery(Name = "envelope_id")] int? EnvelopeId,
    [property: FromQuery(Name = "dry_run")] bool? DryRun,
    [property: FromQuery(Name = "format")] string? Format,
    [property: FromQuery(Name = "date_column")] string? DateColumn,
    [property: FromQuery(Name = "amount_column")] string? AmountColumn,
    [property: FromQuery(Name = "in_column")] string? InColumn,
    [property: FromQuery(Name = "out_column")] string? OutColumn,
    [property: FromQuery(Name = "description_column")] string? DescriptionColumn,
    [property: FromQuery(Name = "date_format")] string? DateFormat,
    [property: FromQuery(Name = "decimal")] string? DecimalSeparator);
