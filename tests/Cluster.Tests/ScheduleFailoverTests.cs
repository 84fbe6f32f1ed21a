using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Schedules;
using NVelopes.Grains.Schedules;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// A silo dies while its accounts' reminder ticks are catching up on two months of daily occurrences, one durable write
/// each: the survivors take over the reminders and the accounts, finish every catch-up, and no occurrence is lost or
/// applied twice.
/// </summary>
[Collection(MongoDbServerCollection.Name)]
public sealed class ScheduleFailoverTests(MongoDbServerFixture server, ITestOutputHelper output)
{
    private const short Silos = 3;
    private const int Accounts = 12;
    private const int DaysMissed = 60;
    private const string Owner = "schedule-failover-owner";
    private const string ClockKey = "Test:ScheduleClock";
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();

    [SkippableFact]
    public async Task KillSilo_InTheMiddleOfTicks_LosesAndDoublesNoOccurrence()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var clockId = Guid.NewGuid().ToString("N");
        var clock = Clocks[clockId] = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        try
        {
            await using var test = await MongoDbTestCluster.StartAsync(server, Silos, builder =>
            {
                builder.Properties[ClockKey] = clockId;
                builder.Properties["Schedules:TickPeriod"] = "00:00:01";
                builder.Properties["Schedules:OccurrencesPerBatch"] = "1";
                builder.Properties["Reminders:MinimumReminderPeriod"] = "00:00:01";
                builder.AddSiloBuilderConfigurator<ScheduleClockConfigurator>();
            });
            var client = test.Client;
            var management = client.GetGrain<IManagementGrain>(0);
            var firstDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
            var ids = new List<string>();
            for (var i = 0; i < Accounts; i++)
            {
                var id = $"schedules-{Guid.NewGuid():N}";
                await client.GetGrain<IAccountGrain>(id).OpenAsync(new OpenAccount(Owner, $"Account {i}", 1000m, CanGoNegative: false));
                await client.GetGrain<IAccountSchedulesGrain>(id).AddScheduleAsync(new AddSchedule(Owner,
                    new ScheduleTermsInput("debit", "FREQ=DAILY", firstDay, null, null, "daily", null, 0, 0.01m, [])));
                ids.Add(id);
            }

            clock.Advance(TimeSpan.FromDays(DaysMissed)); // every account now has sixty occurrences due
            var hosts = new Dictionary<string, SiloAddress>();
            foreach (var id in ids) hosts[id] = (await management.GetActivationAddress(client.GetGrain<IAccountGrain>(id)))!;
            var (victimAddress, victimAccounts) = hosts.GroupBy(h => h.Value).Select(g => (g.Key, g.Select(h => h.Key).ToList())).MaxBy(g => g.Item2.Count);
            var midTick = await WaitUntilAsync(async () =>
            {
                var handled = await Task.WhenAll(victimAccounts.Select(id => HandledCountAsync(client, id, firstDay)));
                return handled.Any(n => n is > 0 and < DaysMissed) ? handled : null;
            }, TimeSpan.FromSeconds(60));
            await test.Cluster.KillSiloAsync(test.Cluster.Silos.Single(s => s.SiloAddress.Equals(victimAddress)));
            output.WriteLine($"Killed {victimAddress} holding {victimAccounts.Count} of {Accounts} accounts, their catch-ups at {string.Join(", ", midTick)} of {DaysMissed}.");

            // The survivors must finish every catch-up; an account whose commit the kill left open stays locked until
            // MongoDB aborts that transaction (60 s by default).
            await WaitUntilAsync(async () => (await Task.WhenAll(ids.Select(id => HandledCountAsync(client, id, firstDay)))).All(n => n == DaysMissed) ? ids : null,
                TimeSpan.FromSeconds(180));

            foreach (var id in ids)
            {
                var account = client.GetGrain<IAccountGrain>(id);
                var changes = (await account.ReadChangesAsync(new ReadChanges(Owner, 0, 1000))).Changes;
                var dates = changes.Where(c => c.Kind == ChangeKinds.ScheduledApplied).Select(c => c.Schedule!.Date!.Value).ToList();
                Assert.Equal(Enumerable.Range(0, DaysMissed).Select(firstDay.AddDays), dates); // each once, oldest first
                var history = await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 1000));
                Assert.Equal(DaysMissed + 1, history.Length);
                var view = await account.ViewAsync(new ViewAccount(Owner));
                Assert.Equal(1000m - DaysMissed * 0.01m, view.Balance);
                Assert.Equal(view.Balance, history.Sum(t => t.Amount));
            }
        }
        finally
        {
            Clocks.TryRemove(clockId, out _);
        }
    }

    /// <summary>How many occurrences of the account's schedule are handled; -1 while the account cannot answer (its silo just died).</summary>
    private static async Task<int> HandledCountAsync(IClusterClient client, string id, DateOnly firstDay)
    {
        try
        {
            var schedule = (await client.GetGrain<IAccountSchedulesGrain>(id).ListSchedulesAsync(new ListSchedules(Owner))).Schedules.Single();
            return schedule.HandledThrough is { } through ? through.DayNumber - firstDay.DayNumber + 1 : 0;
        }
        catch (Exception unavailable) when (unavailable is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
            or NVelopes.Grains.Abstractions.Errors.NVelopesException)
        {
            return -1;
        }
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe, TimeSpan limit) where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } done) return done;
            Assert.True(DateTime.UtcNow < deadline, "The schedules did not get there in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Gives every silo of the cluster the test's schedule clock, apart from the time Orleans runs on.</summary>
    private sealed class ScheduleClockConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSingleton(new ScheduleClock(Clocks[siloBuilder.Configuration[ClockKey]!]));
    }
}
