using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

/// <summary>
/// One event of an account's log as clients see it: the version it produced, when, who asked, its snake_case
/// <see cref="Kind"/>, whether an Idempotency-Key came with it, and the fields of that kind (the others are null).
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ChangeView")]
public sealed record ChangeView(
    long Version,
    DateTimeOffset At,
    string Actor,
    string Kind,
    bool Idempotent,
    string? Name = null,
    bool? CanGoNegative = null,
    ImmutableArray<EnvelopeView>? Envelopes = null,
    int? EnvelopeId = null,
    string? OldName = null,
    string? NewName = null,
    PaymentSourceView? PaymentSource = null,
    PaymentSourceView? PreviousPaymentSource = null,
    TransactionView? Transaction = null,
    Schedules.ScheduleEventView? Schedule = null,
    string? InvitationId = null,
    string? Username = null,
    string? Member = null,
    string? Role = null,
    string? PreviousRole = null);

/// <summary>
/// Events after a version, oldest first. <see cref="Version"/> is the account's durable version when they were
/// read; <see cref="More"/> says that events after the last one returned exist already.
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ChangePage")]
public sealed record ChangePage(long Version, ImmutableArray<ChangeView> Changes, bool More);

/// <summary>Up to <see cref="Limit"/> events after version <see cref="Since"/>.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ReadChanges")]
public sealed record ReadChanges(string OwnerId, long Since, int Limit);

/// <summary>
/// Like <see cref="ReadChanges"/>, but waits up to <see cref="MaxWait"/> for an event after <see cref="Since"/>
/// to become durable before answering, possibly with none. A closed account still answers the events up to its
/// closing, so a feed ends with <c>account_closed</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.WatchChanges")]
public sealed record WatchChanges(string OwnerId, long Since, int Limit, TimeSpan MaxWait);

[GenerateSerializer, Immutable, Alias("NVelopes.RedoLast")]
public sealed record RedoLast(string OwnerId, CommandOptions? Options = null);
