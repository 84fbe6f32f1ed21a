namespace NVelopes.Web.Contracts;

/// <summary>
/// A schedule's terms, as <c>POST</c> and <c>PUT /accounts/{id}/schedules</c> take them; the fields the kind does not
/// use stay null (the API refuses them when given).
/// </summary>
public sealed record ScheduleBody(
    string Kind, string Rule, DateOnly Starts, string TimeZone, string Weekend, string Description,
    int? PaymentSourceId, int? EnvelopeId, decimal? Amount, IReadOnlyList<PaymentLine>? Fills);
