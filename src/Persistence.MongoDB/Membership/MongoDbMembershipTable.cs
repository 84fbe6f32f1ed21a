using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// Orleans cluster membership on MongoDB. A cluster is one version document (<c>membership_versions</c>) and one row
/// per silo (<c>membership_silos</c>), each carrying the cluster id.
/// <list type="bullet">
/// <item>An insert or update moves the version on and writes the row in one multi-document transaction. The version
/// moves only from the ETag the caller read, and an update replaces the row only while it carries the caller's row
/// ETag; otherwise the transaction is aborted and the call answers false, leaving both untouched.</item>
/// <item>Reads run in a snapshot transaction, so the rows and the version always describe the same moment.</item>
/// <item>A heartbeat writes only the row's <c>iAmAliveTime</c>: no ETag and no version changes, so updates
/// prepared from an earlier read still apply.</item>
/// </list>
/// Transactions need a replica set or a sharded cluster; <see cref="InitializeMembershipTableAsync"/> refuses a
/// standalone server with a message that says so.
/// </summary>
internal sealed partial class MongoDbMembershipTable(
    IOptions<MongoDbClusteringOptions> options,
    IOptions<ClusterOptions> clusterOptions,
    MongoDbClientFactory clients,
    ILogger<MongoDbMembershipTable> logger) : IMembershipTable
{
    /// <summary>The ETag of a table whose version document does not exist yet (never initialised, or deleted).</summary>
    internal const string AbsentVersionETag = "absent";

    private const int InitializeAttempts = 3;

    private static readonly TableVersion AbsentVersion = new(0, AbsentVersionETag);

    private readonly MongoDbClusteringOptions _options = options.Value;
    private readonly string _clusterId = clusterOptions.Value.ClusterId;
    private readonly Lazy<MembershipCollections> _collections = new(() => new MembershipCollections(options.Value, clients));

    private MembershipCollections Collections => _collections.Value;

    public Task InitializeMembershipTable(bool tryInitTableVersion) =>
        InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    public Task DeleteMembershipTableEntries(string clusterId) =>
        DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) =>
        CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        InsertRowAsync(entry, tableVersion, CancellationToken.None);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    /// <summary>
    /// Checks that the server offers transactions, creates the collections and the index and, when asked, the
    /// cluster's version document at version 0. Idempotent: an existing version document and existing rows are left
    /// as they are. Silos of a new cluster start at the same moment and Orleans does not retry this step, so a
    /// timeout or a lost connection is retried a few times before the silo gives up.
    /// </summary>
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync("initialising the membership table", async token =>
                {
                    await RequireTransactionsAsync(token).ConfigureAwait(false);
                    await Collections.CreateCollectionsAsync(token).ConfigureAwait(false);
                    if (tryInitTableVersion) await CreateVersionIfMissingAsync(token).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                LogInitialized(_clusterId, Collections.Database.DatabaseNamespace.DatabaseName);
                return;
            }
            catch (MongoDbClusteringException ex)
                when (attempt < InitializeAttempts && ex.InnerException is TimeoutException or MongoConnectionException)
            {
                LogInitializeRetry(attempt, _clusterId);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Creates the cluster's version document at version 0 unless it exists: a concurrent silo or an earlier run may
    /// have created it, and its version stays. Reading first keeps silos that join a running cluster from writing
    /// to the document every membership change goes through.
    /// </summary>
    private async Task CreateVersionIfMissingAsync(CancellationToken cancellationToken)
    {
        var exists = await Collections.Versions.Find(v => v.ClusterId == _clusterId).AnyAsync(cancellationToken).ConfigureAwait(false);
        if (exists) return;
        try
        {
            var initial = new MembershipVersionDocument { ClusterId = _clusterId, Version = 0, ETag = NewETag() };
            await Collections.Versions.InsertOneAsync(initial, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Another silo created it in the meantime.
        }
    }

    /// <summary>Deletes the rows and the version of <paramref name="clusterId"/>, together.</summary>
    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) =>
        RunAsync($"deleting the membership of cluster {clusterId}", async token =>
        {
            using var session = await Collections.Database.Client.StartSessionAsync(cancellationToken: token).ConfigureAwait(false);
            return await session.WithTransactionAsync(async (s, t) =>
            {
                await Collections.Silos.DeleteManyAsync(s, r => r.ClusterId == clusterId, cancellationToken: t).ConfigureAwait(false);
                await Collections.Versions.DeleteOneAsync(s, v => v.ClusterId == clusterId, cancellationToken: t).ConfigureAwait(false);
                return true;
            }, Collections.Transactions, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Removes the rows of Dead silos whose last sign of life (start, heartbeat and every suspicion vote) is older than
    /// <paramref name="beforeDate"/>. Rows of any other status stay, however old. The version does not change: a
    /// defunct row takes no part in the protocol.
    /// </summary>
    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        var cutoff = beforeDate.UtcDateTime;
        var rows = Builders<SiloRowDocument>.Filter;
        var defunct = rows.Eq(r => r.ClusterId, _clusterId)
            & rows.Eq(r => r.Status, SiloStatus.Dead)
            & rows.Lt(r => r.IAmAliveTime, cutoff)
            & rows.Lt(r => r.StartTime, cutoff)
            & rows.Not(rows.ElemMatch(r => r.SuspectTimes, vote => vote.Time >= cutoff));
        return RunAsync("removing defunct silo rows", async token =>
        {
            var result = await Collections.Silos.DeleteManyAsync(defunct, token).ConfigureAwait(false);
            if (result.DeletedCount > 0) LogDefunctRemoved(result.DeletedCount, _clusterId, beforeDate);
            return true;
        }, cancellationToken);
    }

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
    {
        var id = SiloRowMapping.RowId(_clusterId, key);
        return ReadSnapshotAsync(Builders<SiloRowDocument>.Filter.Eq(r => r.Id, id), $"reading the row of silo {key}", cancellationToken);
    }

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadSnapshotAsync(Builders<SiloRowDocument>.Filter.Eq(r => r.ClusterId, _clusterId), "reading the membership table", cancellationToken);

    /// <summary>Adds the row of a new silo, if it has none yet and the table is still at the version the caller read.</summary>
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        var row = entry.ToDocument(_clusterId, NewETag());
        return WriteRowAsync($"inserting the row of silo {entry.SiloAddress}", tableVersion, async (session, token) =>
        {
            try
            {
                await Collections.Silos.InsertOneAsync(session, row, cancellationToken: token).ConfigureAwait(false);
                return true;
            }
            catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces a silo's row, if it still carries <paramref name="etag"/> and the table is still at the version the
    /// caller read.
    /// </summary>
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        var row = entry.ToDocument(_clusterId, NewETag());
        return WriteRowAsync($"updating the row of silo {entry.SiloAddress}", tableVersion, async (session, token) =>
        {
            var result = await Collections.Silos
                .ReplaceOneAsync(session, r => r.Id == row.Id && r.ETag == etag, row, cancellationToken: token)
                .ConfigureAwait(false);
            return result.MatchedCount == 1;
        }, cancellationToken);
    }

    /// <summary>Writes the heartbeat time into the silo's row, and nothing else.</summary>
    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = SiloRowMapping.RowId(_clusterId, entry.SiloAddress);
        var heartbeat = entry.IAmAliveTime.ToUniversalTime();
        return RunAsync($"writing the heartbeat of silo {entry.SiloAddress}", async token =>
        {
            var result = await Collections.Silos
                .UpdateOneAsync(r => r.Id == id, Builders<SiloRowDocument>.Update.Set(r => r.IAmAliveTime, heartbeat), cancellationToken: token)
                .ConfigureAwait(false);
            if (result.MatchedCount == 0) LogHeartbeatWithoutRow(entry.SiloAddress, _clusterId);
            return true;
        }, cancellationToken);
    }

    /// <summary>The version and the rows the filter selects, read in one snapshot transaction.</summary>
    private Task<MembershipTableData> ReadSnapshotAsync(
        FilterDefinition<SiloRowDocument> rowFilter, string description, CancellationToken cancellationToken) =>
        RunAsync(description, async token =>
        {
            using var session = await Collections.Database.Client.StartSessionAsync(cancellationToken: token).ConfigureAwait(false);
            return await session.WithTransactionAsync(async (s, t) =>
            {
                var version = await Collections.Versions.Find(s, v => v.ClusterId == _clusterId).FirstOrDefaultAsync(t).ConfigureAwait(false);
                var rows = await Collections.Silos.Find(s, rowFilter).ToListAsync(t).ConfigureAwait(false);
                var tableVersion = version is null ? AbsentVersion : new TableVersion(version.Version, version.ETag);
                return new MembershipTableData([.. rows.Select(r => Tuple.Create(r.ToEntry(), r.ETag))], tableVersion);
            }, Collections.Transactions, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Moves the version on and writes the row in one transaction; if either guard fails, aborts it and answers false.
    /// Write conflicts with a concurrent writer make the driver run the callback again, which then sees the winner's
    /// version and answers false.
    /// </summary>
    private Task<bool> WriteRowAsync(
        string description, TableVersion tableVersion, Func<IClientSessionHandle, CancellationToken, Task<bool>> writeRow, CancellationToken cancellationToken) =>
        RunAsync(description, async token =>
        {
            using var session = await Collections.Database.Client.StartSessionAsync(cancellationToken: token).ConfigureAwait(false);
            var written = await session.WithTransactionAsync(async (s, t) =>
            {
                // The version first: it is the gate, so a stale writer never touches a row.
                if (await AdvanceVersionAsync(s, tableVersion, t).ConfigureAwait(false) && await writeRow(s, t).ConfigureAwait(false))
                    return true;
                await s.AbortTransactionAsync(t).ConfigureAwait(false);
                return false;
            }, Collections.Transactions, token).ConfigureAwait(false);
            if (!written) LogWriteRefused(description, _clusterId, tableVersion.Version);
            return written;
        }, cancellationToken);

    /// <summary>
    /// Sets the cluster's version to <paramref name="next"/> if the stored one still has the ETag the caller read and
    /// is older. A table without a version document (ETag <see cref="AbsentVersionETag"/>) gets one, unless another
    /// writer created it first.
    /// </summary>
    private async Task<bool> AdvanceVersionAsync(IClientSessionHandle session, TableVersion next, CancellationToken cancellationToken)
    {
        if (next.VersionEtag == AbsentVersionETag)
        {
            try
            {
                var created = new MembershipVersionDocument { ClusterId = _clusterId, Version = next.Version, ETag = NewETag() };
                await Collections.Versions.InsertOneAsync(session, created, cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
            {
                return false;
            }
        }

        var result = await Collections.Versions.UpdateOneAsync(
            session,
            v => v.ClusterId == _clusterId && v.ETag == next.VersionEtag && v.Version < next.Version,
            Builders<MembershipVersionDocument>.Update.Set(v => v.Version, next.Version).Set(v => v.ETag, NewETag()),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.MatchedCount == 1;
    }

    private async Task RequireTransactionsAsync(CancellationToken cancellationToken)
    {
        if (!await MongoDbTransactionSupport.IsAvailableAsync(Collections.Database, cancellationToken).ConfigureAwait(false))
            throw new MongoDbClusteringException("MongoDB clustering writes a row and the table version in one transaction, " + MongoDbTransactionSupport.StandaloneServerAdvice);
    }

    /// <summary>
    /// Runs one operation under the options' time limit. A failure other than the caller's cancellation is logged
    /// and wrapped, so Orleans sees which provider failed and why.
    /// </summary>
    private async Task<T> RunAsync<T>(string description, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await MongoDbOperation.RunAsync(_options.OperationTimeout, description, operation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not MongoDbClusteringException)
        {
            LogOperationFailed(ex, description, _clusterId);
            throw new MongoDbClusteringException($"MongoDB clustering failed {description} (cluster {_clusterId}): {ex.Message}", ex);
        }
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Information, Message = "MongoDB membership table of cluster {ClusterId} ready in database {Database}")]
    private partial void LogInitialized(string clusterId, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Initialising the MongoDB membership table of cluster {ClusterId} failed (attempt {Attempt}); retrying")]
    private partial void LogInitializeRetry(int attempt, string clusterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} defunct silo rows of cluster {ClusterId} older than {Cutoff}")]
    private partial void LogDefunctRemoved(long count, string clusterId, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MongoDB clustering refused {Operation} in cluster {ClusterId} at version {Version}: another writer came first")]
    private partial void LogWriteRefused(string operation, string clusterId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of silo {Silo} found no row in cluster {ClusterId}")]
    private partial void LogHeartbeatWithoutRow(SiloAddress silo, string clusterId);

    [LoggerMessage(Level = LogLevel.Error, Message = "MongoDB clustering failed {Operation} (cluster {ClusterId})")]
    private partial void LogOperationFailed(Exception exception, string operation, string clusterId);
}
