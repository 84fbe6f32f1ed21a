using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Domain.Schedules;

namespace NVelopes.Grains.Domain.Events;

/// <summary>An event that changes the account's schedules and moves no money.</summary>
public abstract record ScheduleEvent : AccountEvent;

public sealed record ScheduleAdded(Schedule Schedule) : ScheduleEvent
{
    public const string KindName = ChangeKinds.ScheduleAdded;
    public override string Kind => KindName;
}

/// <summary>A schedule was replaced; <see cref="Previous"/> keeps what it was. How far it has run is kept.</summary>
public sealed record ScheduleChanged(Schedule Schedule, Schedule Previous) : ScheduleEvent
{
    public const string KindName = ChangeKinds.ScheduleChanged;
    public override string Kind => KindName;
}

/// <summary>A schedule was removed; its occurrences already applied stay in the history.</summary>
public sealed record ScheduleRemoved(Schedule Schedule) : ScheduleEvent
{
    public const string KindName = ChangeKinds.ScheduleRemoved;
    public override string Kind => KindName;
}

/// <summary>
/// The occurrence (<see cref="ScheduleId"/>, <see cref="Date"/>) was applied as <see cref="MoneyEvent.Transaction"/>,
/// dated when it was due: an ordinary transaction of the history, which undo and redo treat like any other.
/// </summary>
public sealed record ScheduledApplied(int ScheduleId, DateOnly Date, Transaction Transaction) : MoneyEvent(Transaction)
{
    public const string KindName = ChangeKinds.ScheduledApplied;
    public override string Kind => KindName;
}

/// <summary>The occurrence (<see cref="ScheduleId"/>, <see cref="Date"/>) broke a rule and was not applied; it is not retried.</summary>
public sealed record ScheduledFailed(int ScheduleId, DateOnly Date, string Reason) : ScheduleEvent
{
    public const string KindName = ChangeKinds.ScheduledFailed;
    public override string Kind => KindName;
}
