using NVelopes.Api.Accounts;

namespace NVelopes.Api.Schedules;

/// <summary>
/// The body of <c>POST /accounts/{id}/schedules</c> and <c>PUT /accounts/{id}/schedules/{schedule_id}</c>.
/// <c>kind</c> <c>pay</c> names <c>payment_source_id</c> and <c>amount</c>; <c>fill</c> names <c>fills</c>
/// (envelope and amount, from Available); <c>debit</c> names <c>envelope_id</c> and <c>amount</c>. <c>rule</c> is an
/// RFC 5545 RRULE, <c>starts</c> a date (YYYY-MM-DD), <c>time_zone</c> an IANA id (default UTC), <c>weekend</c>
/// <c>keep</c> (default), <c>before</c> or <c>after</c>.
/// </summary>
public sealed record ScheduleRequest(
    string Kind,
    string Rule,
    DateOnly? Starts,
    string? TimeZone = null,
    string? Weekend = null,
    string? Description = null,
    int? PaymentSourceId = null,
    int? EnvelopeId = null,
    decimal? Amount = null,
    IReadOnlyList<PaymentRequest>? Fills = null);
