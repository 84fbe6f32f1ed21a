using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.GrainStorage;

/// <summary>
/// The behaviour Orleans expects of every <see cref="IGrainStorage"/> (the checklist of Orleans' storage test kit),
/// run once per provider by its subclass. Every test uses a fresh grain id.
/// </summary>
public abstract class GrainStorageContractTests
{
    private const string StateName = "users";

    /// <summary>The provider under test, initialised (skips the test when its back end is unavailable).</summary>
    protected abstract Task<IGrainStorage> StorageAsync();

    [SkippableFact]
    public async Task Read_MissingRecord_ReportsNoRecordNoETagAndAFreshState()
    {
        var storage = await StorageAsync();
        var state = new GrainState<ProfileState> { State = new ProfileState { Name = "left over" }, ETag = "left over" };

        await storage.ReadStateAsync(StateName, NewGrainId(), state, CancellationToken.None);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new ProfileState(), state.State);
    }

    [SkippableFact]
    public async Task Write_ThenRead_ReturnsTheStateAndItsETag()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var written = Profile("Joe", 3);

        await storage.WriteStateAsync(StateName, grainId, written, CancellationToken.None);
        var read = await ReadAsync(storage, grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [SkippableFact]
    public async Task EveryWrite_GetsANewETag()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var state = Profile("Joe", 0);
        var etags = new List<string?>();

        for (var i = 1; i <= 5; i++)
        {
            state.State = state.State! with { Logins = i };
            await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);
            etags.Add(state.ETag);
        }

        Assert.Equal(5, etags.Distinct().Count());
        var read = await ReadAsync(storage, grainId);
        Assert.Equal(5, read.State!.Logins);
        Assert.Equal(etags[^1], read.ETag);
    }

    [SkippableFact]
    public async Task Write_WithoutETagOverAnExistingRecord_ThrowsAndKeepsTheRecord()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var first = Profile("First", 1);
        await storage.WriteStateAsync(StateName, grainId, first, CancellationToken.None);

        var second = Profile("Second", 2);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, second, CancellationToken.None));

        await AssertStoredAsync(storage, grainId, first);
    }

    [SkippableFact]
    public async Task Write_WithAStaleETag_ThrowsAndKeepsTheRecord()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var state = Profile("Joe", 1);
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);
        var staleETag = state.ETag;
        state.State = state.State! with { Logins = 2 };
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);

        var stale = Profile("Stale", 99, staleETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale, CancellationToken.None));

        await AssertStoredAsync(storage, grainId, state);
    }

    [SkippableFact]
    public async Task Write_WithAnETagWhenNoRecordExists_Throws()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();

        var invented = Profile("Joe", 1, etag: Guid.NewGuid().ToString("N"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, invented, CancellationToken.None));

        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [SkippableFact]
    public async Task Clear_WithAStaleETag_ThrowsAndKeepsTheRecord()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var state = Profile("Joe", 1);
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);
        var staleETag = state.ETag;
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);

        var stale = Profile("Joe", 1, staleETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale, CancellationToken.None));

        await AssertStoredAsync(storage, grainId, state);
    }

    [SkippableFact]
    public async Task Clear_WithoutETagOverAnExistingRecord_ThrowsAndKeepsTheRecord()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var state = Profile("Joe", 1);
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);

        var blind = Profile("Joe", 1);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, blind, CancellationToken.None));

        await AssertStoredAsync(storage, grainId, state);
    }

    [SkippableFact]
    public async Task Clear_RemovesTheRecord_AndCanBeRepeated()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var state = Profile("Joe", 1);
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);

        await storage.ClearStateAsync(StateName, grainId, state, CancellationToken.None);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        await storage.ClearStateAsync(StateName, grainId, state, CancellationToken.None);

        var read = await ReadAsync(storage, grainId);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [SkippableFact]
    public async Task Write_AfterClear_StoresANewRecord()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var state = Profile("Joe", 1);
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);
        var etagBeforeClear = state.ETag;
        await storage.ClearStateAsync(StateName, grainId, state, CancellationToken.None);

        state.State = new ProfileState { Name = "Joe again", Logins = 7, Credit = 0.30m };
        await storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);

        Assert.NotEqual(etagBeforeClear, state.ETag);
        await AssertStoredAsync(storage, grainId, state);
    }

    [SkippableFact]
    public async Task ParallelWrites_WithTheSameETag_ExactlyOneWins()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var original = Profile("Joe", 0);
        await storage.WriteStateAsync(StateName, grainId, original, CancellationToken.None);

        var writers = Enumerable.Range(1, 10).Select(i => Profile($"Writer {i}", i, original.ETag)).ToList();
        var outcomes = await Task.WhenAll(writers.Select(async writer =>
        {
            try
            {
                await Task.Yield();
                await storage.WriteStateAsync(StateName, grainId, writer, CancellationToken.None);
                return (Writer: writer, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Writer: writer, Error: ex);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<InconsistentStateException>(o.Error));
        await AssertStoredAsync(storage, grainId, winner.Writer);
    }

    [SkippableFact]
    public async Task StateNames_AreStoredApart()
    {
        var storage = await StorageAsync();
        var grainId = NewGrainId();
        var users = Profile("In users", 1);
        var audit = Profile("In audit", 2);

        await storage.WriteStateAsync(StateName, grainId, users, CancellationToken.None);
        await storage.WriteStateAsync("audit", grainId, audit, CancellationToken.None);

        Assert.Equal(users.State, (await ReadAsync(storage, grainId)).State);
        var readAudit = new GrainState<ProfileState> { State = new ProfileState() };
        await storage.ReadStateAsync("audit", grainId, readAudit, CancellationToken.None);
        Assert.Equal(audit.State, readAudit.State);
    }

    private static GrainId NewGrainId() => GrainId.Create("user", Guid.NewGuid().ToString("N"));

    private static GrainState<ProfileState> Profile(string name, int logins, string? etag = null) =>
        new() { State = new ProfileState { Name = name, Logins = logins, Credit = 1_000_000_000.10m }, ETag = etag };

    private static async Task<GrainState<ProfileState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ProfileState> { State = new ProfileState() };
        await storage.ReadStateAsync(StateName, grainId, state, CancellationToken.None);
        return state;
    }

    private static async Task AssertStoredAsync(IGrainStorage storage, GrainId grainId, GrainState<ProfileState> expected)
    {
        var read = await ReadAsync(storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(expected.ETag, read.ETag);
        Assert.Equal(expected.State, read.State);
    }
}
