using System.Collections.Immutable;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Schedules;

namespace NVelopes.Grains.Domain;

/// <summary>
/// Schedules: recurring pays, fills and debits. The account keeps each schedule with the date it has run through;
/// the caller asks which occurrences are due at a moment it names and applies them one at a time, oldest first.
/// Each occurrence becomes one event: the transaction it recorded (<see cref="ScheduledApplied"/>), or the rule it
/// broke (<see cref="ScheduledFailed"/>, never retried). Either moves the schedule's mark past its date, in the same
/// event, so an occurrence is handled once however often the caller asks.
/// </summary>
public sealed partial record Account
{
    public const string FillFromAvailableMessage = "A fill moves money from Available into other envelopes; envelope 0 cannot be filled.";

    public Schedule ScheduleById(int scheduleId) =>
        Schedules.FirstOrDefault(s => s.Id == scheduleId) ?? throw DomainException.NotFound($"No schedule exists with id: {scheduleId}");

    /// <summary>
    /// Adds a schedule. Refused when more than <see cref="AccountLimits.OccurrencesCaughtUpAtOnce"/> of its
    /// occurrences would be due already at <paramref name="now"/>, since all of them are applied at once.
    /// </summary>
    public AccountChange AddSchedule(ScheduleTerms terms, DateTimeOffset now)
    {
        if (Schedules.Count >= AccountLimits.SchedulesPerAccount)
            throw DomainException.Invalid($"An account holds at most {AccountLimits.SchedulesPerAccount} schedules.");
        var schedule = NewSchedule(LastScheduleId + 1, terms, handledThrough: null);
        RequireBoundedCatchUp(schedule, now);
        return Emit(new ScheduleAdded(schedule));
    }

    /// <summary>
    /// Replaces a schedule's terms, keeping its id and how far it has run: no occurrence dated on or before its
    /// mark is applied again, whatever the new rule says.
    /// </summary>
    public AccountChange ChangeSchedule(int scheduleId, ScheduleTerms terms, DateTimeOffset now)
    {
        var previous = ScheduleById(scheduleId);
        var schedule = NewSchedule(scheduleId, terms, previous.HandledThrough);
        RequireBoundedCatchUp(schedule, now);
        return Emit(new ScheduleChanged(schedule, previous));
    }

    public AccountChange RemoveSchedule(int scheduleId) => Emit(new ScheduleRemoved(ScheduleById(scheduleId)));

    /// <summary>The oldest occurrence due at <paramref name="now"/> and not handled yet, of any schedule; null when none is.</summary>
    public Occurrence? NextDueOccurrence(DateTimeOffset now)
    {
        Occurrence? next = null;
        foreach (var schedule in Schedules)
        {
            var first = schedule.Pending().FirstOrDefault();
            if (first is null || first.DueAt > now) continue;
            if (next is null || (first.DueAt, first.Date, first.ScheduleId).CompareTo((next.DueAt, next.Date, next.ScheduleId)) < 0) next = first;
        }
        return next;
    }

    /// <summary>How many occurrences, of every schedule, are due at <paramref name="now"/> and not handled yet.</summary>
    public int CountDueOccurrences(DateTimeOffset now) =>
        Schedules.Sum(schedule => schedule.Pending().TakeWhile(o => o.DueAt <= now).Count());

    /// <summary>
    /// Applies one occurrence as the transaction its schedule describes, dated when it was due, with the rules of
    /// that kind of transaction. When a rule refuses it, the refusal is the event instead: the occurrence is done
    /// either way, and the schedule goes on with the next one.
    /// </summary>
    public AccountChange ApplyOccurrence(Occurrence occurrence)
    {
        var schedule = ScheduleById(occurrence.ScheduleId);
        if (schedule.HandledThrough is { } mark && occurrence.Date <= mark)
            throw new InvalidOperationException(
                $"Schedule {schedule.Id} has run through {mark:yyyy-MM-dd}; its occurrence of {occurrence.Date:yyyy-MM-dd} was handled.");
        try
        {
            var transaction = schedule.Kind switch
            {
                ScheduleKind.Pay => Pay(schedule.PaymentSourceId!.Value, payer: null, schedule.Amount!.Value, schedule.Description, splits: null, occurrence.DueAt).Recorded!,
                ScheduleKind.Fill => FillTransaction(schedule.Fills, schedule.Description, occurrence.DueAt),
                ScheduleKind.Debit => Debit(schedule.EnvelopeId!.Value, schedule.Description, schedule.Amount!.Value, occurrence.DueAt).Recorded!,
                _ => throw new InvalidOperationException($"Unknown schedule kind {schedule.Kind}."),
            };
            return Emit(new ScheduledApplied(schedule.Id, occurrence.Date, transaction));
        }
        catch (DomainException refused)
        {
            return Emit(new ScheduledFailed(schedule.Id, occurrence.Date, refused.Message));
        }
    }

    /// <summary>
    /// Amounts from Available into envelopes as one transaction; refused when Available holds less than their sum.
    /// Only schedules fill, so the transaction is recorded by <see cref="ScheduledApplied"/>.
    /// </summary>
    private Transaction FillTransaction(IEnumerable<Split> lines, string description, DateTimeOffset now)
    {
        var shares = FillLines(lines);
        var total = shares.Sum(s => s.Amount);
        var available = Envelopes[AvailableEnvelopeId];
        if (available.Balance < total)
            throw DomainException.Invalid($"Not enough money in '{available.Name}' envelope to fill {total:0.00}; it holds {available.Balance:0.00}.");
        return NewTransaction(TransactionKind.Fill, now, available, to: null, payer: null, Text.Description(description), total, shares);
    }

    private Account ApplySchedule(ScheduleEvent scheduled) => scheduled switch
    {
        ScheduleAdded added => this with { Schedules = Schedules.Add(added.Schedule), LastScheduleId = added.Schedule.Id },
        ScheduleChanged changed => this with
        {
            Schedules = Schedules.Replace(Schedules.First(s => s.Id == changed.Schedule.Id), changed.Schedule),
        },
        ScheduleRemoved removed => this with { Schedules = Schedules.RemoveAll(s => s.Id == removed.Schedule.Id) },
        ScheduledFailed failed => this with { Schedules = Handled(failed.ScheduleId, failed.Date) },
        _ => throw new InvalidOperationException($"Unknown schedule event {scheduled.GetType().Name}."),
    };

    /// <summary>The schedules with <paramref name="scheduleId"/> run through <paramref name="date"/> (unchanged if it was removed since).</summary>
    private ImmutableList<Schedule> Handled(int scheduleId, DateOnly date) =>
        Schedules.ConvertAll(s => s.Id == scheduleId ? s with { HandledThrough = date } : s);

    private static void RequireBoundedCatchUp(Schedule schedule, DateTimeOffset now)
    {
        var due = schedule.Pending().TakeWhile(o => o.DueAt <= now).Take(AccountLimits.OccurrencesCaughtUpAtOnce + 1).Count();
        if (due > AccountLimits.OccurrencesCaughtUpAtOnce)
            throw DomainException.Invalid(
                $"starts is too far in the past: more than {AccountLimits.OccurrencesCaughtUpAtOnce} occurrences would be applied at once; " +
                "choose a later start.");
    }

    private Schedule NewSchedule(int id, ScheduleTerms terms, DateOnly? handledThrough)
    {
        var kind = KindOf(terms.Kind);
        var weekend = WeekendOf(terms.Weekend);
        var description = Text.Description(terms.Description);
        var zone = string.IsNullOrWhiteSpace(terms.TimeZone) ? Recurrence.DefaultTimeZone : terms.TimeZone.Trim();
        var recurrence = Recurrence.Of(terms.Rule, terms.Starts, zone, weekend);
        var kindName = kind.ToString().ToLowerInvariant();
        int? paymentSourceId = null, envelopeId = null;
        decimal? amount = null;
        ImmutableArray<Split> fills = [];
        switch (kind)
        {
            case ScheduleKind.Pay:
                RequireUnused(kindName, ("envelope_id", terms.EnvelopeId is not null), ("fills", !terms.Fills.IsDefaultOrEmpty));
                var source = PaymentSourceById(terms.PaymentSourceId ?? throw DomainException.Invalid("A pay schedule names a payment_source_id."));
                amount = Money.Amount(terms.Amount ?? throw DomainException.Invalid("A pay schedule names an amount."));
                if (source.Splits.Sum(s => s.Amount) > amount) throw DomainException.Invalid(PayTooSmallMessage);
                paymentSourceId = source.Id;
                break;
            case ScheduleKind.Debit:
                RequireUnused(kindName, ("payment_source_id", terms.PaymentSourceId is not null), ("fills", !terms.Fills.IsDefaultOrEmpty));
                envelopeId = EnvelopeById(terms.EnvelopeId ?? throw DomainException.Invalid("A debit schedule names an envelope_id.")).Id;
                amount = Money.Amount(terms.Amount ?? throw DomainException.Invalid("A debit schedule names an amount."));
                break;
            case ScheduleKind.Fill:
                RequireUnused(kindName, ("payment_source_id", terms.PaymentSourceId is not null), ("envelope_id", terms.EnvelopeId is not null),
                    ("amount", terms.Amount is not null));
                fills = FillLines(terms.Fills.IsDefault ? [] : terms.Fills);
                break;
        }
        return new Schedule(id, kind, recurrence.Rule, terms.Starts, zone, weekend, description, paymentSourceId, envelopeId, amount, fills, handledThrough);
    }

    private ImmutableArray<Split> FillLines(IEnumerable<Split> lines)
    {
        IReadOnlyCollection<Split> given = lines as IReadOnlyCollection<Split> ?? [.. lines];
        if (given.Count == 0) throw DomainException.Invalid("A fill names at least one envelope in fills.");
        if (given.Count > AccountLimits.SplitsPerPayment)
            throw DomainException.Invalid($"A fill moves money into at most {AccountLimits.SplitsPerPayment} envelopes; this one names {given.Count}.");
        var shares = ImmutableArray.CreateBuilder<Split>(given.Count);
        foreach (var line in given)
        {
            if (line.EnvelopeId == AvailableEnvelopeId) throw DomainException.Invalid(FillFromAvailableMessage);
            EnvelopeById(line.EnvelopeId);
            if (shares.Any(s => s.EnvelopeId == line.EnvelopeId))
                throw DomainException.Invalid($"Envelope {line.EnvelopeId} appears more than once in the fill.");
            shares.Add(line with { Amount = Money.Amount(line.Amount) });
        }
        return shares.ToImmutable();
    }

    private static void RequireUnused(string kind, params (string Field, bool Given)[] fields)
    {
        foreach (var (field, given) in fields)
            if (given) throw DomainException.Invalid($"A {kind} schedule does not use {field}.");
    }

    private static ScheduleKind KindOf(string? kind) => kind switch
    {
        "pay" => ScheduleKind.Pay,
        "fill" => ScheduleKind.Fill,
        "debit" => ScheduleKind.Debit,
        _ => throw DomainException.Invalid($"kind must be \"pay\", \"fill\" or \"debit\", not \"{kind}\"."),
    };

    private static WeekendShift WeekendOf(string? weekend) => weekend switch
    {
        null or "keep" => WeekendShift.Keep,
        "before" => WeekendShift.Before,
        "after" => WeekendShift.After,
        _ => throw DomainException.Invalid($"weekend must be \"keep\", \"before\" or \"after\", not \"{weekend}\"."),
    };
}
