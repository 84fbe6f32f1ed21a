using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Schedules;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Schedules;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The account's schedules. One Orleans reminder per account that has schedules ticks every
/// <see cref="ScheduleOptions.TickPeriod"/>, on whichever silo holds the account, and survives restarts in the
/// reminder table; each tick applies every occurrence due, oldest first, each as its own command of the account's
/// writer. What makes an occurrence happen once is the account itself: the schedule's mark moves in the same durable
/// write as the occurrence's transaction, so a repeated tick, a tick racing a request, or a tick after a crash
/// mid-catch-up finds the occurrence handled. One gate per activation runs the schedule work one piece at a time;
/// a second activation elsewhere (a silo declared dead too early) writes at a version the store refuses.
/// </summary>
internal sealed partial class AccountGrain : IAccountSchedulesGrain, IRemindable
{
    public const string ScheduleReminderName = "schedules";

    private readonly SemaphoreSlim _scheduling = new(1, 1);

    public Task<ScheduleUpdate> AddScheduleAsync(AddSchedule command, CancellationToken cancellationToken) =>
        SchedulingAsync(async () =>
        {
            await Writer.DurableOwnedAsync(command.OwnerId, cancellationToken); // no reminder for an account that is not the caller's
            await RegisterTicksAsync();
            AccountChange? made = null;
            var recorded = await ApplyAsync("add_schedule", command.OwnerId, command.Options, cancellationToken,
                account => made = account.AddSchedule(command.Terms.ToTerms(), scheduleClock.Now()));
            // Nothing made: a retry under a known Idempotency-Key, answered with the schedule the first request added.
            var scheduleId = made is not null
                ? ((ScheduleAdded)made.Event).Schedule.Id
                : await AddedScheduleIdAsync(command.OwnerId, recorded.Account.Version, cancellationToken);
            return await UpdateOfAsync(command.OwnerId, scheduleId, await ApplyDueAsync(cancellationToken), cancellationToken);
        });

    public Task<ScheduleUpdate> ChangeScheduleAsync(ChangeSchedule command, CancellationToken cancellationToken) =>
        SchedulingAsync(async () =>
        {
            await Writer.DurableOwnedAsync(command.OwnerId, cancellationToken);
            await RegisterTicksAsync();
            await ApplyAsync("change_schedule", command.OwnerId, command.Options, cancellationToken,
                account => account.ChangeSchedule(command.ScheduleId, command.Terms.ToTerms(), scheduleClock.Now()));
            return await UpdateOfAsync(command.OwnerId, command.ScheduleId, await ApplyDueAsync(cancellationToken), cancellationToken);
        });

    public Task<long> RemoveScheduleAsync(RemoveSchedule command, CancellationToken cancellationToken) =>
        SchedulingAsync(async () =>
        {
            await ApplyAsync("remove_schedule", command.OwnerId, command.Options, cancellationToken, account => account.RemoveSchedule(command.ScheduleId));
            var durable = await Writer.DurableOwnedAsync(command.OwnerId, cancellationToken);
            if (durable.Account.Schedules.IsEmpty) await UnregisterTicksAsync();
            return durable.Version;
        });

    public async Task<ScheduleList> ListSchedulesAsync(ListSchedules query, CancellationToken cancellationToken)
    {
        var durable = await Writer.DurableOwnedAsync(query.OwnerId, cancellationToken);
        return new ScheduleList(durable.Version, durable.Account.ToViews());
    }

    /// <summary>A tick: applies what is due, or lets the reminder go once the account has no schedules or is closed.</summary>
    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduleReminderName) return Task.CompletedTask;
        return SchedulingAsync(async () =>
        {
            var durable = await Writer.DurableAsync(CancellationToken.None);
            if (durable is not { Account: { IsClosed: false, Schedules.IsEmpty: false } account })
            {
                await UnregisterTicksAsync();
                return true;
            }
            var outcomes = await ApplyDueAsync(CancellationToken.None);
            if (outcomes.Length > 0) LogOccurrencesApplied(logger, Writer.AccountId, outcomes.Length);
            return true;
        });
    }

    /// <summary>
    /// Applies every occurrence due now, oldest first, each as its own command; returns what became of each. Each
    /// command picks the oldest occurrence still due from the account as it is at that moment, so the commands of a
    /// batch, which share group commits, can never apply one twice. The schedule is their actor, whoever's request
    /// or tick runs them: the caller's role was checked by the command that asked.
    /// </summary>
    private async Task<ImmutableArray<OccurrenceOutcomeView>> ApplyDueAsync(CancellationToken cancellationToken)
    {
        var outcomes = ImmutableArray.CreateBuilder<OccurrenceOutcomeView>();
        while (true)
        {
            var now = scheduleClock.Now();
            if (await Writer.DurableAsync(cancellationToken) is not { Account: { IsClosed: false } account }) return outcomes.ToImmutable();
            var due = Math.Min(account.CountDueOccurrences(now), scheduleOptions.Value.OccurrencesPerBatch);
            if (due == 0) return outcomes.ToImmutable();
            var batch = new Task<AccountEvent>[due];
            for (var i = 0; i < due; i++)
            {
                batch[i] = RunScheduleCommandAsync("apply_occurrence", cancellationToken, account =>
                    account.ApplyOccurrence(account.NextDueOccurrence(now)
                        ?? throw new InvalidOperationException($"Account {account.Id}: an occurrence counted as due was handled meanwhile.")));
            }
            foreach (var applied in await Task.WhenAll(batch)) outcomes.Add(applied.ToOutcome());
        }
    }

    /// <summary>Runs one occurrence through the writer as the schedule, counted like every other command, and returns the event it recorded.</summary>
    private async Task<AccountEvent> RunScheduleCommandAsync(
        string operation, CancellationToken cancellationToken, Func<Account, AccountChange> command)
    {
        AccountChange? made = null;
        await RunAsync(operation, Transaction.ScheduleActor, needed: null, options: null, opensAccount: false, cancellationToken,
            account => ValueTask.FromResult(made = command(account!)));
        return made!.Event;
    }

    /// <summary>The id of the schedule whose addition is the event at <paramref name="version"/>.</summary>
    private async Task<int> AddedScheduleIdAsync(string ownerId, long version, CancellationToken cancellationToken)
    {
        var page = await Writer.ReadChangesAsync(ownerId, version - 1, 1, cancellationToken);
        return page.Changes is [{ Schedule: { } added } change] && change.Version == version
            ? added.ScheduleId
            : throw new InvalidOperationException($"Account {Writer.AccountId}: the event at version {version} is not the schedule a retry names.");
    }

    private async Task<ScheduleUpdate> UpdateOfAsync(
        string ownerId, int scheduleId, ImmutableArray<OccurrenceOutcomeView> applied, CancellationToken cancellationToken)
    {
        var durable = await Writer.DurableOwnedAsync(ownerId, cancellationToken);
        var schedule = durable.Account.Schedules.FirstOrDefault(s => s.Id == scheduleId)
            ?? throw new NVelopesException(ErrorKind.NotFound, $"No schedule exists with id: {scheduleId}");
        return new ScheduleUpdate(schedule.ToView(), durable.Version, applied);
    }

    private async Task<T> SchedulingAsync<T>(Func<Task<T>> work)
    {
        await _scheduling.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _scheduling.Release();
        }
    }

    /// <summary>
    /// Registers the account's reminder before a schedule is added, so that no schedule is ever durable without one:
    /// when the reminder table cannot be reached the request fails with 503 and nothing changed, and a reminder left
    /// without a schedule (the add refused) lets itself go at its first tick.
    /// </summary>
    private async Task RegisterTicksAsync()
    {
        var period = scheduleOptions.Value.TickPeriod;
        try
        {
            await this.RegisterOrUpdateReminder(ScheduleReminderName, period, period);
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            LogReminderFailed(logger, failure, Writer.AccountId, "Registering");
            throw NVelopesException.StoreUnavailable();
        }
    }

    /// <summary>
    /// Lets the account's reminder go. A failure is only logged: the schedule change it follows is durable, and the
    /// reminder's next tick, finding no schedule, tries again.
    /// </summary>
    private async Task UnregisterTicksAsync()
    {
        try
        {
            if (await this.GetReminder(ScheduleReminderName) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogReminderFailed(logger, failure, Writer.AccountId, "Unregistering");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} the schedule reminder of account {AccountId} failed")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string accountId, string operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} applied {Count} scheduled occurrences")]
    private static partial void LogOccurrencesApplied(ILogger logger, string accountId, int count);
}
