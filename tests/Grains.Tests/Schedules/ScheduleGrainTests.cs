using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Schedules;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain;
using Orleans.TestingHost;

namespace NVelopes.Grains.Tests.Schedules;

/// <summary>
/// Schedules in a running cluster, on every store: catch-up on creation, ticks as occurrences fall due, catch-up
/// after the whole service restarts, failures recorded once, and the reminder going with the last schedule. Each
/// test counts its account's <c>scheduled_*</c> events to prove every occurrence was handled exactly once.
/// </summary>
public abstract class ScheduleGrainTests(ScheduleClusterFixture fixture)
{
    private const string Owner = "owner-1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task AddSchedule_AppliesTheOccurrencesDueSinceItsStart_BeforeAnswering_OldestFirst()
    {
        SkipWithoutStore();
        var (account, schedules) = await OpenAsync(500m);
        var today = Today();

        var added = await schedules.AddScheduleAsync(new AddSchedule(Owner, Debit(1, 10m, "FREQ=DAILY", today.AddDays(-5))));

        Assert.Equal(Enumerable.Range(-5, 6).Select(today.AddDays), added.Applied.Select(o => o.Date));
        Assert.All(added.Applied, o => Assert.NotNull(o.TransactionId));
        Assert.Equal(today, added.Schedule.HandledThrough);
        Assert.Equal(Enumerable.Range(1, 5).Select(today.AddDays), added.Schedule.Next.Select(o => o.Date));
        var history = await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 100));
        Assert.Equal(Enumerable.Range(-5, 6).Select(d => DueAt(today.AddDays(d))), history.Skip(1).Select(t => t.Date));
        Assert.Equal(500m - 60m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
        await AssertEachOccurrenceOnceAsync(account, expected: 6);
    }

    [SkippableFact]
    public async Task Ticks_ApplyEachOccurrenceOnceItIsDue_AndRepeatedTicksChangeNothing()
    {
        SkipWithoutStore();
        var (account, schedules) = await OpenAsync(500m);
        var added = await schedules.AddScheduleAsync(new AddSchedule(Owner, Debit(1, 1m, "FREQ=DAILY", Today().AddDays(1))));
        Assert.Empty(added.Applied);

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await WaitUntilAsync(schedules, list => list.Schedules.Single().HandledThrough == Today());
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more ticks with nothing due

        await AssertEachOccurrenceOnceAsync(account, expected: 3);
        Assert.Equal(497m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
    }

    [SkippableFact]
    public async Task AFillLargerThanAvailable_IsRecordedAsFailedOnce_AndTheScheduleGoesOn()
    {
        SkipWithoutStore();
        var (account, schedules) = await OpenAsync(25m);
        var fill = new ScheduleTermsInput("fill", "FREQ=DAILY", Today().AddDays(-2), null, null, "envelopes", null, null, null,
            [new SplitLine(1, 10m)]);

        var added = await schedules.AddScheduleAsync(new AddSchedule(Owner, fill));

        Assert.Equal([10m, 10m, null], added.Applied.Select(o => o.TransactionId is null ? (decimal?)null : 10m));
        Assert.Contains("Not enough money", added.Applied[2].FailedReason);
        var changes = await account.ReadChangesAsync(new ReadChanges(Owner, 0, 1000));
        var failed = Assert.Single(changes.Changes, c => c.Kind == ChangeKinds.ScheduledFailed);
        Assert.Equal(Today(), failed.Schedule!.Date);
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await WaitUntilAsync(schedules, list => list.Schedules.Single().HandledThrough == Today());
        await AssertEachOccurrenceOnceAsync(account, expected: 4);
    }

    [SkippableFact]
    public async Task AfterARestart_MissedOccurrencesAreAppliedOnce_WithoutAnyCallToTheAccount()
    {
        SkipWithoutStore();
        var (account, schedules) = await OpenAsync(500m);
        var accountId = account.GetPrimaryKeyString();
        await schedules.AddScheduleAsync(new AddSchedule(Owner, Debit(1, 1m, "FREQ=DAILY", Today())));

        await fixture.Cluster.StopAllSilosAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(4)); // the service is down for four days
        await fixture.RestartAsync();

        account = fixture.Client.GetGrain<IAccountGrain>(accountId);
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + Patience;
        while (!(await management.GetActiveGrains(account.GetGrainId().Type)).Contains(account.GetGrainId()))
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder did not bring the account back after the restart.");
            await Task.Delay(200);
        }
        await WaitUntilAsync(fixture.Client.GetGrain<IAccountSchedulesGrain>(accountId), list => list.Schedules.Single().HandledThrough == Today());
        await AssertEachOccurrenceOnceAsync(account, expected: 5);
    }

    [SkippableFact]
    public async Task RemovingTheLastSchedule_RemovesTheAccountsReminder()
    {
        SkipWithoutStore();
        var (account, schedules) = await OpenAsync(500m);
        var first = await schedules.AddScheduleAsync(new AddSchedule(Owner, Debit(1, 1m, "FREQ=MONTHLY", Today().AddDays(10))));
        var second = await schedules.AddScheduleAsync(new AddSchedule(Owner, Debit(1, 1m, "FREQ=WEEKLY", Today().AddDays(10))));
        Assert.NotNull(await ReminderOfAsync(account));

        await schedules.RemoveScheduleAsync(new RemoveSchedule(Owner, first.Schedule.Id));
        Assert.NotNull(await ReminderOfAsync(account));
        await schedules.RemoveScheduleAsync(new RemoveSchedule(Owner, second.Schedule.Id));

        Assert.Null(await ReminderOfAsync(account));
        Assert.Empty((await schedules.ListSchedulesAsync(new ListSchedules(Owner))).Schedules);
    }

    [SkippableFact]
    public async Task SchedulesOfAnotherOwnersAccount_AreNotFound_AndBadTermsAreRefused()
    {
        SkipWithoutStore();
        var (_, schedules) = await OpenAsync(500m);

        var foreign = await Assert.ThrowsAsync<NVelopesException>(() => schedules.ListSchedulesAsync(new ListSchedules("someone-else")));
        var badZone = await Assert.ThrowsAsync<NVelopesException>(() => schedules.AddScheduleAsync(
            new AddSchedule(Owner, Debit(1, 1m, "FREQ=DAILY", Today()) with { TimeZone = "Moon/Base" })));

        Assert.Equal(ErrorKind.NotFound, foreign.Kind);
        Assert.Equal(ErrorKind.Invalid, badZone.Kind);
        Assert.Contains("Moon/Base", badZone.Message);
        Assert.Empty((await schedules.ListSchedulesAsync(new ListSchedules(Owner))).Schedules);
    }

    [SkippableFact]
    public async Task ARefusedFirstSchedule_LeavesNoReminderBehind()
    {
        SkipWithoutStore();
        var (account, schedules) = await OpenAsync(500m);

        await Assert.ThrowsAsync<NVelopesException>(() => schedules.AddScheduleAsync(
            new AddSchedule(Owner, Debit(1, 1m, "FREQ=SOMETIMES", Today()))));

        // The reminder is registered before the schedule is added, so no schedule is ever without one; a reminder
        // whose schedule was refused goes at its first tick.
        var deadline = DateTime.UtcNow + Patience;
        while (await ReminderOfAsync(account) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder of an account without schedules stayed.");
            await Task.Delay(100);
        }
        Assert.Empty((await schedules.ListSchedulesAsync(new ListSchedules(Owner))).Schedules);
    }

    [SkippableFact]
    public async Task ASchedule_GoesOnAfterTheMemberWhoAddedItLeft_WithTheScheduleAsTheActorOfItsOccurrences()
    {
        SkipWithoutStore();
        var opener = await fixture.SignUpAsync("member");
        var partner = await fixture.SignUpAsync("member");
        var id = Guid.NewGuid().ToString("N");
        var account = fixture.Client.GetGrain<IAccountGrain>(id);
        await account.OpenAsync(new OpenAccount(opener.UserId, "Joint", 500m, CanGoNegative: true));
        await account.AddEnvelopesAsync(new AddEnvelopes(opener.UserId, ["Rent"]));
        var invited = await account.InviteAsync(new InviteMember(opener.UserId, partner.Username, "owner"));
        await fixture.Client.GetGrain<IUserIdentityGrain>(partner.UserId).AcceptInvitationAsync(invited.Invitation!.InvitationId);
        var schedules = fixture.Client.GetGrain<IAccountSchedulesGrain>(id);
        await schedules.AddScheduleAsync(new AddSchedule(opener.UserId, Debit(1, 1m, "FREQ=DAILY", Today().AddDays(1))));
        await account.RemoveMemberAsync(new RemoveMember(opener.UserId, opener.Username));

        fixture.Clock.Advance(TimeSpan.FromDays(2));

        await WaitUntilAsync(schedules, list => list.Schedules.Single().HandledThrough == Today(), partner.UserId);
        var history = await account.ReadHistoryAsync(new ReadHistory(partner.UserId, 0, 100));
        Assert.Equal([Transaction.ScheduleActor, Transaction.ScheduleActor], history.Where(t => t.TxId != Transaction.OpeningId).Select(t => t.Actor));
        Assert.Equal(498m, (await account.ViewAsync(new ViewAccount(partner.UserId))).Balance);
    }

    private DateOnly Today() => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    private static DateTimeOffset DueAt(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static ScheduleTermsInput Debit(int envelopeId, decimal amount, string rule, DateOnly starts) =>
        new("debit", rule, starts, null, null, "standing order", null, envelopeId, amount, []);

    private async Task<(IAccountGrain Account, IAccountSchedulesGrain Schedules)> OpenAsync(decimal openingBalance)
    {
        var id = Guid.NewGuid().ToString("N");
        var account = fixture.Client.GetGrain<IAccountGrain>(id);
        await account.OpenAsync(new OpenAccount(Owner, "Current", openingBalance, CanGoNegative: true));
        await account.AddEnvelopesAsync(new AddEnvelopes(Owner, ["Rent"]));
        return (account, fixture.Client.GetGrain<IAccountSchedulesGrain>(id));
    }

    private static async Task WaitUntilAsync(IAccountSchedulesGrain schedules, Func<ScheduleList, bool> condition, string member = Owner)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition(await schedules.ListSchedulesAsync(new ListSchedules(member))))
        {
            Assert.True(DateTime.UtcNow < deadline, "The schedule did not run as far as expected in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>Each (schedule, date) has exactly one event, and the history holds one transaction per applied occurrence.</summary>
    private static async Task AssertEachOccurrenceOnceAsync(IAccountGrain account, int expected)
    {
        var changes = (await account.ReadChangesAsync(new ReadChanges(Owner, 0, 1000))).Changes;
        var occurrences = changes.Where(c => c.Kind is ChangeKinds.ScheduledApplied or ChangeKinds.ScheduledFailed)
            .Select(c => (c.Schedule!.ScheduleId, c.Schedule.Date)).ToList();
        Assert.Equal(expected, occurrences.Count);
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
        Assert.Equal(occurrences.OrderBy(o => o.Date), occurrences); // oldest first
        var applied = changes.Where(c => c.Kind == ChangeKinds.ScheduledApplied).Select(c => c.Transaction!.TxId).ToImmutableHashSet();
        var history = await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 1000));
        Assert.Equal(applied.Count, history.Count(t => applied.Contains(t.TxId)));
    }

    private async Task<ReminderEntry?> ReminderOfAsync(IAccountGrain account)
    {
        var silo = (InProcessSiloHandle)fixture.Cluster.Primary!;
        var table = silo.SiloHost.Services.GetRequiredService<IReminderTable>();
        return await table.ReadRow(account.GetGrainId(), "schedules");
    }

    private void SkipWithoutStore() => Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
}

[Collection(SqliteScheduleCluster.Name)]
public sealed class SqliteScheduleGrainTests(SqliteScheduleClusterFixture fixture) : ScheduleGrainTests(fixture);

[Collection(MongoDbScheduleCluster.Name)]
public sealed class MongoDbScheduleGrainTests(MongoDbScheduleClusterFixture fixture) : ScheduleGrainTests(fixture);
