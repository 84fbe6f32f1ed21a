using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Persistence.MongoDB.Membership;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using static Microsoft.Extensions.Options.Options;

namespace NVelopes.Persistence.Tests.Membership;

/// <summary>
/// The membership table contract, scenario by scenario as Orleans' own membership table tests check it. Every test
/// runs on a cluster id of its own in the test run's database, so tests never see each other's rows.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MongoDbMembershipTableTests(StorageFixture fixture) : IAsyncLifetime
{
    private readonly string _clusterId = $"membership-test-{Guid.NewGuid():N}";
    private MongoDbMembershipTable _table = null!;

    public async Task InitializeAsync()
    {
        if (fixture.MongoSkipReason is not null) return;
        _table = CreateTable(_clusterId);
        await _table.InitializeMembershipTableAsync(true, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (fixture.MongoSkipReason is null) await _table.DeleteMembershipTableEntriesAsync(_clusterId, CancellationToken.None);
    }

    [SkippableFact]
    public async Task ReadAll_EmptyTable_ReadsVersionZeroWithAnETag()
    {
        SkipWithoutMongo();

        var data = await _table.ReadAllAsync(CancellationToken.None);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [SkippableFact]
    public async Task Initialize_Repeated_KeepsRowsAndVersion()
    {
        SkipWithoutMongo();
        var entry = MembershipEntries.New();
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var before = await _table.ReadAllAsync(CancellationToken.None);

        await CreateTable(_clusterId).InitializeMembershipTableAsync(true, CancellationToken.None);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Members.Single().Item2, Assert.Single(after.Members).Item2);
    }

    [SkippableFact]
    public async Task Initialize_ManySilosOfANewClusterAtOnce_AllSucceedWithOneVersionZero()
    {
        SkipWithoutMongo();
        var clusterId = $"membership-test-{Guid.NewGuid():N}";
        var tables = Enumerable.Range(0, 10).Select(_ => CreateTable(clusterId)).ToList();
        try
        {
            await Task.WhenAll(tables.Select(t => t.InitializeMembershipTableAsync(true, CancellationToken.None)));

            var data = await tables[0].ReadAllAsync(CancellationToken.None);
            Assert.Equal(0, data.Version.Version);
            Assert.NotEqual(MongoDbMembershipTable.AbsentVersionETag, data.Version.VersionEtag);
            Assert.True(await tables[3].InsertRowAsync(MembershipEntries.New(), data.Version.Next(), CancellationToken.None));
        }
        finally
        {
            await tables[0].DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task ReadAll_ClusterNeverInitialised_ReadsVersionZeroAndTheFirstInsertCreatesTheVersion()
    {
        SkipWithoutMongo();
        var clusterId = $"membership-test-{Guid.NewGuid():N}";
        var table = CreateTable(clusterId);
        try
        {
            await table.InitializeMembershipTableAsync(false, CancellationToken.None);
            var empty = await table.ReadAllAsync(CancellationToken.None);
            Assert.Equal(0, empty.Version.Version);
            Assert.False(string.IsNullOrEmpty(empty.Version.VersionEtag));

            Assert.True(await table.InsertRowAsync(MembershipEntries.New(), empty.Version.Next(), CancellationToken.None));
            Assert.False(await table.InsertRowAsync(MembershipEntries.New(), empty.Version.Next(), CancellationToken.None));

            var data = await table.ReadAllAsync(CancellationToken.None);
            Assert.Equal(1, data.Version.Version);
            Assert.Single(data.Members);
        }
        finally
        {
            await table.DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task InsertRow_AtTheReadVersion_AddsTheRowAndMovesTheVersionOn()
    {
        SkipWithoutMongo();
        var data = await _table.ReadAllAsync(CancellationToken.None);

        Assert.True(await _table.InsertRowAsync(MembershipEntries.New(), data.Version.Next(), CancellationToken.None));

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, after.Version.Version);
        Assert.NotEqual(data.Version.VersionEtag, after.Version.VersionEtag);
        Assert.Single(after.Members);
    }

    [SkippableFact]
    public async Task InsertRow_StaleVersionOrExistingSilo_ReturnsFalseAndChangesNothing()
    {
        SkipWithoutMongo();
        var version = (await _table.ReadAllAsync(CancellationToken.None)).Version.Next();
        var entry = MembershipEntries.New();
        Assert.True(await _table.InsertRowAsync(entry, version, CancellationToken.None));
        var before = await _table.ReadAllAsync(CancellationToken.None);

        Assert.False(await _table.InsertRowAsync(entry, version, CancellationToken.None));
        Assert.False(await _table.InsertRowAsync(MembershipEntries.New(), version, CancellationToken.None));
        Assert.False(await _table.InsertRowAsync(entry, before.Version.Next(), CancellationToken.None));

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Members.Single().Item2, Assert.Single(after.Members).Item2);
    }

    [SkippableFact]
    public async Task ReadRow_AfterInsert_ReturnsEveryFieldItsETagAndTheVersion()
    {
        SkipWithoutMongo();
        var entry = MembershipEntries.New(SiloStatus.Active);
        entry.SuspectTimes =
        [
            Tuple.Create(MembershipEntries.NewSiloAddress(), entry.StartTime.AddSeconds(1)),
            Tuple.Create(MembershipEntries.NewSiloAddress(), entry.StartTime.AddSeconds(2)),
        ];
        var version = (await _table.ReadAllAsync(CancellationToken.None)).Version.Next();
        Assert.True(await _table.InsertRowAsync(entry, version, CancellationToken.None));
        Assert.True(await _table.InsertRowAsync(MembershipEntries.New(), (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        var data = await _table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);

        var (stored, etag) = Assert.Single(data.Members);
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(entry.RoleName, stored.RoleName);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(entry.SuspectTimes.Select(v => (v.Item1, v.Item2)), stored.SuspectTimes!.Select(v => (v.Item1, v.Item2)));
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(2, data.Version.Version);
        Assert.NotEqual(version.VersionEtag, data.Version.VersionEtag);
    }

    [SkippableFact]
    public async Task ReadAll_AfterInserts_ReturnsEveryRowWithItsETagAndTheLatestVersion()
    {
        SkipWithoutMongo();
        var entries = Enumerable.Range(0, 3).Select(_ => MembershipEntries.New()).ToList();
        foreach (var entry in entries)
            Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        var data = await _table.ReadAllAsync(CancellationToken.None);

        Assert.Equal(3, data.Version.Version);
        Assert.Equal(entries.Select(e => e.SiloAddress).Order(), data.Members.Select(m => m.Item1.SiloAddress).Order());
        Assert.All(data.Members, m => Assert.False(string.IsNullOrEmpty(m.Item2)));
        Assert.Equal(3, data.Members.Select(m => m.Item2).Distinct().Count());
    }

    [SkippableFact]
    public async Task UpdateRow_NeedsTheCurrentVersionAndTheRowsETag()
    {
        SkipWithoutMongo();
        var data = await _table.ReadAllAsync(CancellationToken.None);
        for (var i = 1; i < 10; i++)
        {
            var entry = MembershipEntries.New();
            entry.SuspectTimes = [Tuple.Create(MembershipEntries.NewSiloAddress(), entry.StartTime.AddSeconds(1))];
            var inserted = data.Version.Next();
            Assert.True(await _table.InsertRowAsync(entry, inserted, CancellationToken.None));
            data = await _table.ReadAllAsync(CancellationToken.None);
            var etagBefore = data.TryGet(entry.SiloAddress)!.Item2;

            // The version the insert used is no longer current.
            Assert.False(await _table.UpdateRowAsync(entry, etagBefore, inserted, CancellationToken.None));

            entry.Status = SiloStatus.Active;
            var current = data.Version.Next();
            Assert.True(await _table.UpdateRowAsync(entry, etagBefore, current, CancellationToken.None));
            // Neither the same version again nor the row's old ETag will do now.
            Assert.False(await _table.UpdateRowAsync(entry, etagBefore, current, CancellationToken.None));
            data = await _table.ReadAllAsync(CancellationToken.None);
            var (stored, etagAfter) = data.TryGet(entry.SiloAddress)!;
            Assert.Equal(entry.ToFullString(), stored.ToFullString());
            Assert.NotEqual(etagBefore, etagAfter);
            Assert.False(await _table.UpdateRowAsync(entry, etagBefore, data.Version.Next(), CancellationToken.None));
            Assert.False(await _table.UpdateRowAsync(entry, etagAfter, current, CancellationToken.None));

            data = await _table.ReadAllAsync(CancellationToken.None);
            Assert.Equal(etagAfter, data.TryGet(entry.SiloAddress)!.Item2);
            Assert.Equal(current.Version, data.Version.Version);
            Assert.Equal(i, data.Members.Count);
        }
    }

    [SkippableFact]
    public async Task UpdateRow_MissingRow_ReturnsFalseAndLeavesTheVersion()
    {
        SkipWithoutMongo();
        var before = await _table.ReadAllAsync(CancellationToken.None);

        Assert.False(await _table.UpdateRowAsync(MembershipEntries.New(), "no-such-etag", before.Version.Next(), CancellationToken.None));

        Assert.Equal(before.Version, (await _table.ReadAllAsync(CancellationToken.None)).Version);
    }

    [SkippableFact]
    public async Task InsertRow_TwentyInParallelAtOneVersion_ExactlyOneWins()
    {
        SkipWithoutMongo();
        var version = (await _table.ReadAllAsync(CancellationToken.None)).Version.Next();
        var entry = MembershipEntries.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _table.InsertRowAsync(entry, version, CancellationToken.None)));

        Assert.Single(results, ok => ok);
        var data = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [SkippableFact]
    public async Task UpdateRow_TwentyInParallelAtOneVersion_ExactlyOneWinsAndItsEntryIsStored()
    {
        SkipWithoutMongo();
        var entry = MembershipEntries.New();
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var data = await _table.ReadAllAsync(CancellationToken.None);
        var etag = data.TryGet(entry.SiloAddress)!.Item2;
        var candidates = new List<MembershipEntry>();
        for (var i = 0; i < 20; i++)
        {
            var candidate = (await _table.ReadRowAsync(entry.SiloAddress, CancellationToken.None)).Members.Single().Item1;
            candidate.SiloName = $"updater-{i}";
            candidates.Add(candidate);
        }

        var results = await Task.WhenAll(candidates.Select(c => _table.UpdateRowAsync(c, etag, data.Version.Next(), CancellationToken.None)));

        var winner = Assert.Single(candidates.Where((_, i) => results[i]));
        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, after.Version.Version);
        Assert.Equal(winner.SiloName, Assert.Single(after.Members).Item1.SiloName);
    }

    [SkippableFact]
    public async Task UpdateRow_ParallelUpdatersRetryingOnRefusal_AllApplyOneVersionEach()
    {
        SkipWithoutMongo();
        var entry = MembershipEntries.New();
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        await Task.WhenAll(Enumerable.Range(0, 19).Select(async _ =>
        {
            while (true)
            {
                var data = await _table.ReadAllAsync(CancellationToken.None);
                var (row, etag) = data.TryGet(entry.SiloAddress)!;
                if (await _table.UpdateRowAsync(row, etag, data.Version.Next(), CancellationToken.None)) return;
                await Task.Delay(Random.Shared.Next(5, 25));
            }
        })).WaitAsync(TimeSpan.FromSeconds(60));

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(20, after.Version.Version);
        Assert.Single(after.Members);
    }

    [SkippableFact]
    public async Task UpdateIAmAlive_WritesOnlyTheHeartbeat_SoAnUpdatePreparedBeforeItStillApplies()
    {
        SkipWithoutMongo();
        var entry = MembershipEntries.New();
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var before = await _table.ReadAllAsync(CancellationToken.None);
        var (row, etag) = before.TryGet(entry.SiloAddress)!;
        var heartbeat = entry.IAmAliveTime.AddSeconds(5);

        await _table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = heartbeat }, CancellationToken.None);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        var (stored, storedETag) = after.TryGet(entry.SiloAddress)!;
        Assert.Equal(heartbeat, stored.IAmAliveTime);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(etag, storedETag);
        Assert.Equal(entry.Status, stored.Status);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(entry.ProxyPort, stored.ProxyPort);

        row.Status = SiloStatus.Active;
        Assert.True(await _table.UpdateRowAsync(row, etag, before.Version.Next(), CancellationToken.None));
        Assert.Equal(SiloStatus.Active, (await _table.ReadRowAsync(entry.SiloAddress, CancellationToken.None)).Members.Single().Item1.Status);
    }

    [SkippableFact]
    public async Task CleanupDefunctSiloEntries_RemovesOnlyDeadRowsOlderThanTheCutoff()
    {
        SkipWithoutMongo();
        var now = MembershipEntries.WholeSeconds(DateTime.UtcNow);
        var old = now.AddDays(-10);
        var oldOfEveryStatus = Enum.GetValues<SiloStatus>().Select(status => MembershipEntries.New(status, time: old)).ToList();
        var recentDead = MembershipEntries.New(SiloStatus.Dead, time: now);
        var oldDeadRecentlyVotedDead = MembershipEntries.New(SiloStatus.Dead, time: old);
        oldDeadRecentlyVotedDead.SuspectTimes = [Tuple.Create(MembershipEntries.NewSiloAddress(), now)];
        foreach (var entry in oldOfEveryStatus.Append(recentDead).Append(oldDeadRecentlyVotedDead))
            Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var before = await _table.ReadAllAsync(CancellationToken.None);

        await _table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(old.AddDays(3)), CancellationToken.None);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        var expected = oldOfEveryStatus.Where(e => e.Status != SiloStatus.Dead).Append(recentDead).Append(oldDeadRecentlyVotedDead);
        Assert.Equal(expected.Select(e => e.SiloAddress).Order(), after.Members.Select(m => m.Item1.SiloAddress).Order());
        Assert.Equal(before.Version, after.Version);
    }

    [SkippableFact]
    public async Task GetGateways_ListsActiveSilosWithAGatewayPortOfThisClusterOnly()
    {
        SkipWithoutMongo();
        var entries = Enumerable.Range(0, 10).Select(i => MembershipEntries.New(proxyPort: 30000 + i)).ToList();
        entries[3].Status = SiloStatus.Active;
        entries[3].ProxyPort = 0;
        entries[5].Status = SiloStatus.Active;
        entries[9].Status = SiloStatus.Active;
        entries[7].Status = SiloStatus.Dead;
        foreach (var entry in entries)
            Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var otherClusterId = $"membership-test-{Guid.NewGuid():N}";
        var otherTable = CreateTable(otherClusterId);
        await otherTable.InitializeMembershipTableAsync(true, CancellationToken.None);
        var elsewhere = MembershipEntries.New(SiloStatus.Active);
        Assert.True(await otherTable.InsertRowAsync(elsewhere, (await otherTable.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        try
        {
            var provider = new MongoDbGatewayListProvider(
                Create(ClusteringOptions()), Create(new ClusterOptions { ClusterId = _clusterId }), Create(new GatewayOptions()),
                fixture.MongoClients, NullLogger<MongoDbGatewayListProvider>.Instance);
            await provider.InitializeGatewayListProviderAsync(CancellationToken.None);

            var gateways = await provider.GetGatewaysAsync(CancellationToken.None);

            var expected = new[] { entries[5], entries[9] }
                .Select(e => SiloAddress.New(e.SiloAddress.Endpoint.Address, e.ProxyPort, e.SiloAddress.Generation).ToGatewayUri());
            Assert.Equal(expected.Select(u => u.ToString()).Order(), gateways.Select(u => u.ToString()).Order());
            Assert.True(provider.IsUpdatable);
        }
        finally
        {
            await otherTable.DeleteMembershipTableEntriesAsync(otherClusterId, CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task DeleteMembershipTableEntries_RemovesThatClusterOnly()
    {
        SkipWithoutMongo();
        var otherClusterId = $"membership-test-{Guid.NewGuid():N}";
        var otherTable = CreateTable(otherClusterId);
        await otherTable.InitializeMembershipTableAsync(true, CancellationToken.None);
        Assert.True(await otherTable.InsertRowAsync(MembershipEntries.New(), (await otherTable.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        Assert.True(await _table.InsertRowAsync(MembershipEntries.New(), (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        await otherTable.DeleteMembershipTableEntriesAsync(otherClusterId, CancellationToken.None);

        var other = await otherTable.ReadAllAsync(CancellationToken.None);
        Assert.Empty(other.Members);
        Assert.Equal(0, other.Version.Version);
        var mine = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Single(mine.Members);
        Assert.Equal(1, mine.Version.Version);
    }

    [SkippableFact]
    public async Task InitializeMembershipTable_UnreachableServer_FailsWithinTheTimeoutNamingTheProvider()
    {
        SkipWithoutMongo();
        var options = ClusteringOptions();
        options.ConnectionString = "mongodb://127.0.0.1:1/?replicaSet=rs0";
        options.OperationTimeout = TimeSpan.FromMilliseconds(500);
        using var clients = new NVelopes.Persistence.MongoDB.MongoDbClientFactory();
        var table = new MongoDbMembershipTable(
            Create(options), Create(new ClusterOptions { ClusterId = _clusterId }), clients, NullLogger<MongoDbMembershipTable>.Instance);

        var failure = await Assert.ThrowsAsync<MongoDbClusteringException>(() => table.InitializeMembershipTableAsync(true, CancellationToken.None));

        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.Contains("MongoDB clustering", failure.Message);
    }

    [Fact]
    public void Validator_MissingConnectionString_NamesTheProviderAndTheSetting()
    {
        var validator = new MongoDbClusteringOptionsValidator(new MongoDbClusteringOptions());

        var failure = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains("MongoDB clustering", failure.Message);
        Assert.Contains(nameof(MongoDbClusteringOptions.ConnectionString), failure.Message);
    }

    [Fact]
    public void Validator_EmptyCollectionPrefix_NamesTheSetting()
    {
        var validator = new MongoDbClusteringOptionsValidator(
            new MongoDbClusteringOptions { ConnectionString = "mongodb://localhost/nvelopes", CollectionPrefix = "" });

        var failure = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains(nameof(MongoDbClusteringOptions.CollectionPrefix), failure.Message);
    }

    [Fact]
    public void Options_DatabaseFromTheConnectionStringPath_ElseNVelopes()
    {
        Assert.Equal("budget", NVelopes.Persistence.MongoDB.MongoDbClientFactory.DatabaseName(
            new MongoDbClusteringOptions { ConnectionString = "mongodb://h1,h2/budget?replicaSet=rs0" }));
        Assert.Equal("nvelopes", NVelopes.Persistence.MongoDB.MongoDbClientFactory.DatabaseName(
            new MongoDbClusteringOptions { ConnectionString = "mongodb://h1/?replicaSet=rs0" }));
    }

    private MongoDbMembershipTable CreateTable(string clusterId) => new(
        Create(ClusteringOptions()), Create(new ClusterOptions { ClusterId = clusterId }), fixture.MongoClients,
        NullLogger<MongoDbMembershipTable>.Instance);

    private MongoDbClusteringOptions ClusteringOptions() => fixture.MongoOptions(new MongoDbClusteringOptions());

    private void SkipWithoutMongo() => Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);
}
