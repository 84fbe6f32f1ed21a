using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.Tests.Reminders;

/// <summary>
/// The behaviour Orleans expects of every <see cref="IReminderTable"/>, after Orleans' own reminder table tests:
/// parallel upserts, ETags on upsert and remove, the rows of one grain, and reads over ranges of the grain hash ring
/// that wrap around. Run once per store by its subclass; each test class instance is a service of its own, so the
/// range reads see only the rows its test wrote.
/// </summary>
public abstract class ReminderTableContractTests
{
    protected string ServiceId { get; } = $"reminder-tests-{Guid.NewGuid():N}";

    /// <summary>The table under test for <paramref name="serviceId"/>, started (skips the test when its back end is unavailable).</summary>
    protected abstract Task<IReminderTable> TableAsync(string serviceId);

    [SkippableFact]
    public async Task UpsertThenRead_RoundTripsEveryField()
    {
        var table = await TableAsync(ServiceId);
        var reminder = Reminder(NewGrainId(), "foo/bar\\#b_a_z?");

        var etag = await table.UpsertRow(reminder);
        var read = await table.ReadRow(reminder.GrainId, reminder.ReminderName);

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal((reminder.GrainId, reminder.ReminderName, reminder.StartAt, reminder.Period),
            (read.GrainId, read.ReminderName, read.StartAt, read.Period));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
    }

    [SkippableFact]
    public async Task ReadRow_OfAMissingReminder_IsNull()
    {
        var table = await TableAsync(ServiceId);

        Assert.Null(await table.ReadRow(NewGrainId(), "none"));
    }

    [SkippableFact]
    public async Task Upsert_OfAnExistingReminder_ReplacesIt_WithANewETag()
    {
        var table = await TableAsync(ServiceId);
        var reminder = Reminder(NewGrainId(), "schedules");
        var first = await table.UpsertRow(reminder);

        reminder.Period = TimeSpan.FromMinutes(5);
        var second = await table.UpsertRow(reminder);

        Assert.NotEqual(first, second);
        var read = await table.ReadRow(reminder.GrainId, reminder.ReminderName);
        Assert.Equal((second, TimeSpan.FromMinutes(5)), (read!.ETag, read.Period));
        Assert.Single((await table.ReadRows(reminder.GrainId)).Reminders);
    }

    [SkippableFact]
    public async Task ParallelUpserts_EachGetTheirOwnETag_AndLeaveOneRowPerReminder()
    {
        var table = await TableAsync(ServiceId);
        var reminders = Enumerable.Range(0, 5).Select(i => Reminder(NewGrainId(), i.ToString())).ToArray();

        var etags = await Task.WhenAll(reminders.Select(r => Task.WhenAll(Enumerable.Range(0, 5).Select(_ => table.UpsertRow(r)))));

        Assert.All(etags, perReminder => Assert.Equal(5, perReminder.Distinct().Count()));
        foreach (var reminder in reminders)
        {
            var rows = (await table.ReadRows(reminder.GrainId)).Reminders;
            Assert.Contains(Assert.Single(rows).ETag, etags[Array.IndexOf(reminders, reminder)]);
        }
    }

    [SkippableFact]
    public async Task Remove_LandsOnlyAtTheCurrentETag_AndOnlyOnce()
    {
        var table = await TableAsync(ServiceId);
        var reminder = Reminder(NewGrainId(), "schedules");
        var stale = await table.UpsertRow(reminder);
        var current = await table.UpsertRow(reminder);

        Assert.False(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, stale!));
        Assert.False(await table.RemoveRow(reminder.GrainId, "another name", current!));
        Assert.NotNull(await table.ReadRow(reminder.GrainId, reminder.ReminderName));
        Assert.True(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, current!));
        Assert.False(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, current!));
        Assert.Null(await table.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    [SkippableFact]
    public async Task ReadRows_OfAGrain_ReturnsItsRemindersOnly()
    {
        var table = await TableAsync(ServiceId);
        var grain = NewGrainId();
        await table.UpsertRow(Reminder(grain, "a"));
        await table.UpsertRow(Reminder(grain, "b"));
        await table.UpsertRow(Reminder(NewGrainId(), "a"));

        var rows = (await table.ReadRows(grain)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [SkippableFact]
    public async Task ReadRows_OverHashRanges_ReturnsExactlyTheRange_WrappingAroundWhenBeginIsNotBelowEnd()
    {
        var table = await TableAsync(ServiceId);
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrainId()).ToArray();
        await Task.WhenAll(grains.Select((grain, i) => table.UpsertRow(Reminder(grain, i.ToString()))));
        var hashes = grains.Select(g => g.GetUniformHashCode()).ToArray();

        Assert.Equal(200, (await table.ReadRows(0, uint.MaxValue)).Reminders.Count);
        Assert.Equal(200, (await table.ReadRows(0, 0)).Reminders.Count); // the whole ring
        var random = new Random(16);
        var sorted = hashes.Order().ToArray();
        uint[] edges = [0, 1, uint.MaxValue - 1, uint.MaxValue, sorted[50], sorted[150], sorted[0], sorted[^1]];
        var ranges = edges.SelectMany(b => edges.Select(e => (b, e)))
            .Concat(Enumerable.Range(0, 40).Select(_ => ((uint)random.NextInt64(0, uint.MaxValue + 1L), (uint)random.NextInt64(0, uint.MaxValue + 1L))));
        foreach (var (begin, end) in ranges)
        {
            var expected = hashes.Where(h => begin < end ? h > begin && h <= end : h > begin || h <= end).Order();
            var read = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order();
            Assert.True(expected.SequenceEqual(read), $"ReadRows({begin}, {end}) read the wrong rows.");
        }
    }

    [SkippableFact]
    public async Task ServicesSharingAStore_SeeOnlyTheirOwnReminders()
    {
        var table = await TableAsync(ServiceId);
        var other = await TableAsync($"{ServiceId}-other");
        var grain = NewGrainId();
        await table.UpsertRow(Reminder(grain, "schedules"));
        await other.UpsertRow(Reminder(grain, "schedules"));

        await other.TestOnlyClearTable();

        Assert.Empty((await other.ReadRows(grain)).Reminders);
        Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Single((await table.ReadRows(0, 0)).Reminders);
    }

    private static GrainId NewGrainId() => GrainId.Create("account", $"acc/{Guid.NewGuid():N}\\#?");

    private static ReminderEntry Reminder(GrainId grainId, string name)
    {
        var now = DateTime.UtcNow;
        return new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = name,
            StartAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc),
            Period = TimeSpan.FromMinutes(1),
        };
    }
}
