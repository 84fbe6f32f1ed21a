using System.Collections.Immutable;

namespace NVelopes.Grains.Domain.Schedules;

/// <summary>
/// A schedule as a user asks for it, before its rules are checked: kind and weekend shift by their snake_case
/// names, a time zone by IANA id (null: UTC).
/// </summary>
public sealed record ScheduleTerms(
    string Kind,
    string Rule,
    DateOnly Starts,
    string? TimeZone,
    string? Weekend,
    string? Description,
    int? PaymentSourceId,
    int? EnvelopeId,
    decimal? Amount,
    ImmutableArray<Split> Fills);
