using NVelopes.Api.Accounts;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Schedules;

namespace NVelopes.Api.Schedules;

/// <summary>Maps schedule requests to grain commands and schedule views to responses.</summary>
public static class ScheduleMapping
{
    public static ScheduleTermsInput ToTerms(this ScheduleRequest request) => new(
        request.Kind,
        request.Rule,
        request.Starts ?? throw new NVelopesException(ErrorKind.Invalid, "starts is required: the date (YYYY-MM-DD) the rule starts from."),
        request.TimeZone,
        request.Weekend,
        request.Description,
        request.PaymentSourceId,
        request.EnvelopeId,
        request.Amount,
        request.Fills is null ? [] : [.. request.Fills.Select(f => new SplitLine(f.EnvelopeId, f.Amount))]);

    public static ScheduleResponse ToResponse(this ScheduleView schedule) => new(
        schedule.Id,
        schedule.Kind,
        schedule.Rule,
        schedule.Starts,
        schedule.TimeZone,
        schedule.Weekend,
        schedule.Description,
        schedule.Fills.IsDefault ? [] : [.. schedule.Fills.Select(f => new SplitResponse(f.EnvelopeId, f.Amount))],
        schedule.Next.IsDefault ? [] : [.. schedule.Next.Select(o => new OccurrenceResponse(o.Date, o.DueAt.UtcDateTime))],
        schedule.PaymentSourceId,
        schedule.EnvelopeId,
        schedule.Amount,
        schedule.HandledThrough);

    public static ScheduleChangeResponse ToResponse(this ScheduleUpdate update) => new(
        update.Schedule.ToResponse(),
        [.. update.Applied.Select(o => new OccurrenceOutcomeResponse(o.ScheduleId, o.Date, o.TransactionId, o.FailedReason))]);

    public static ScheduleEventResponse ToResponse(this ScheduleEventView scheduled) =>
        new(scheduled.ScheduleId, scheduled.Date, scheduled.Reason, scheduled.Schedule?.ToResponse());
}
