using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Schedules;

/// <summary>
/// A schedule as the caller asks for it; the account's rules check every field. <see cref="Kind"/> is <c>pay</c>,
/// <c>fill</c> or <c>debit</c>, <see cref="Weekend"/> <c>keep</c> (null), <c>before</c> or <c>after</c>,
/// <see cref="TimeZone"/> an IANA id (null: UTC).
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ScheduleTermsInput")]
public sealed record ScheduleTermsInput(
    string Kind,
    string Rule,
    DateOnly Starts,
    string? TimeZone,
    string? Weekend,
    string? Description,
    int? PaymentSourceId,
    int? EnvelopeId,
    decimal? Amount,
    ImmutableArray<SplitLine> Fills);

[GenerateSerializer, Immutable, Alias("NVelopes.AddSchedule")]
public sealed record AddSchedule(string OwnerId, ScheduleTermsInput Terms, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.ChangeSchedule")]
public sealed record ChangeSchedule(string OwnerId, int ScheduleId, ScheduleTermsInput Terms, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.RemoveSchedule")]
public sealed record RemoveSchedule(string OwnerId, int ScheduleId, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.ListSchedules")]
public sealed record ListSchedules(string OwnerId);
