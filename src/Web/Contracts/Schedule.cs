namespace NVelopes.Web.Contracts;

/// <summary>A schedule as <c>GET /accounts/{id}/schedules</c> lists it, with its next occurrences.</summary>
public sealed record Schedule(
    int Id, string Kind, string Rule, DateOnly Starts, string TimeZone, string Weekend, string Description,
    IReadOnlyList<SplitLine> Fills, IReadOnlyList<Occurrence> Next,
    int? PaymentSourceId = null, int? EnvelopeId = null, decimal? Amount = null, DateOnly? HandledThrough = null);
