using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;
using NVelopes.Grains.Telemetry;
using NVelopes.Persistence.MongoDB.Options;
using Orleans.Storage;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// The account store on MongoDB: one document per account in <c>accounts</c>, one per event of its log in
/// <c>events</c>, one per entry of its effective history in <c>transactions</c>. A commit writes all three in one
/// multi-document transaction, so state, log and history never disagree;
/// commits of different accounts that arrive together share one transaction (<see cref="MongoDbCommitWriter"/>), so
/// they share its durable commit too. Transactions need a replica set (or a sharded cluster):
/// <see cref="InitializeAsync"/> refuses a standalone server.
/// </summary>
public sealed partial class MongoDbAccountStore : IAccountStore
{
    private readonly MongoDbAccountStoreOptions _options;
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<AccountDocument> _accounts;
    private readonly IMongoCollection<TransactionDocument> _transactions;
    private readonly IMongoCollection<EventDocument> _events;
    private readonly IMongoCollection<ReplyDocument> _replies;
    private readonly IMongoCollection<ImportIdDocument> _importIds;
    private readonly TransactionOptions _transactionOptions;
    private readonly ILogger<MongoDbAccountStore> _logger;

    /// <summary>The store's name in metrics, as the silo's other store metrics name it.</summary>
    public const string StoreName = "mongodb";

    public string Name => StoreName;

    /// <param name="telemetry">Where the writer reports its transactions and batches; none outside a silo.</param>
    public MongoDbAccountStore(
        IOptions<MongoDbAccountStoreOptions> options, MongoDbClientFactory clients, ILogger<MongoDbAccountStore> logger,
        NVelopesTelemetry? telemetry = null)
        : this(options.Value, clients.GetDatabase(options.Value), logger, telemetry)
    {
    }

    /// <summary>
    /// A store over <paramref name="database"/>, which must be the one <paramref name="options"/> name, configured as
    /// <see cref="MongoDbClientFactory.GetDatabase"/> configures it. Internal, so that the container only ever sees
    /// the public constructor.
    /// </summary>
    internal MongoDbAccountStore(
        MongoDbAccountStoreOptions options, IMongoDatabase database, ILogger<MongoDbAccountStore> logger, NVelopesTelemetry? telemetry)
    {
        _options = options;
        _logger = logger;
        _database = database;
        _accounts = _database.GetCollection<AccountDocument>(_options.AccountsCollection);
        _transactions = _database.GetCollection<TransactionDocument>(_options.TransactionsCollection);
        _events = _database.GetCollection<EventDocument>(_options.EventsCollection);
        _replies = _database.GetCollection<ReplyDocument>(_options.RepliesCollection);
        _importIds = _database.GetCollection<ImportIdDocument>(_options.ImportIdsCollection);
        // Snapshot reads inside the transaction; the write concern applies to the commit as a whole.
        _transactionOptions = new TransactionOptions(
            readConcern: ReadConcern.Snapshot,
            readPreference: ReadPreference.Primary,
            writeConcern: MongoDbClientFactory.WriteConcernOf(_options),
            maxCommitTime: _options.OperationTimeout);
        Writer = new MongoDbCommitWriter(
            _options.OperationTimeout, CommitAloneAsync, CommitTogetherAsync, logger,
            telemetry?.StoreTransactionsOf(StoreName), telemetry?.StoreBatchesOf(StoreName));
    }

    /// <summary>Queues commits and writes those of different accounts together; see <see cref="MongoDbCommitWriter"/>.</summary>
    private MongoDbCommitWriter Writer { get; }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        MongoDbOperation.RunAsync(_options.OperationTimeout, "creating the account store's indexes", async token =>
        {
            await RequireTransactionsAsync(token).ConfigureAwait(false);
            await _accounts.Indexes.CreateOneAsync(
                new CreateIndexModel<AccountDocument>(
                    Builders<AccountDocument>.IndexKeys.Ascending(a => a.OwnerId).Ascending(a => a.Closed).Ascending(a => a.Name),
                    new CreateIndexOptions { Name = "ownerId_closed_name" }),
                cancellationToken: token).ConfigureAwait(false);
            await _transactions.Indexes.CreateOneAsync(
                new CreateIndexModel<TransactionDocument>(
                    Builders<TransactionDocument>.IndexKeys.Ascending(t => t.AccountId).Ascending(t => t.TransactionId),
                    new CreateIndexOptions { Name = "accountId_txId", Unique = true }),
                cancellationToken: token).ConfigureAwait(false);
            await _events.Indexes.CreateOneAsync(
                new CreateIndexModel<EventDocument>(
                    Builders<EventDocument>.IndexKeys.Ascending(e => e.AccountId).Ascending(e => e.Version),
                    new CreateIndexOptions { Name = "accountId_version", Unique = true }),
                cancellationToken: token).ConfigureAwait(false);
            await _replies.Indexes.CreateOneAsync(
                new CreateIndexModel<ReplyDocument>(
                    Builders<ReplyDocument>.IndexKeys.Ascending(r => r.ExpiresAt),
                    new CreateIndexOptions { Name = "expiresAt_ttl", ExpireAfter = TimeSpan.Zero }),
                cancellationToken: token).ConfigureAwait(false);
            LogInitialized(_database.DatabaseNamespace.DatabaseName);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<StoredAccount?> LoadAsync(string accountId, CancellationToken cancellationToken) =>
        MongoDbOperation.RunAsync(_options.OperationTimeout, $"loading account {accountId}", async token =>
        {
            var document = await _accounts
                .Find(a => a.Id == accountId, new FindOptions { MaxTime = _options.OperationTimeout })
                .FirstOrDefaultAsync(token).ConfigureAwait(false);
            return document?.ToStoredAccount();
        }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The commit queues at the store's <see cref="Writer"/>, which writes the commits of many accounts in one
    /// transaction; the returned task completes once the transaction holding this commit has committed.
    /// </remarks>
    public Task CommitAsync(AccountCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        commit.RequireConsistent();
        var account = commit.Account.ToDocument(commit.NewVersion);
        var prepared = new PreparedCommit(
            commit,
            account,
            [.. commit.Appended.Select(t => t.ToDocument())],
            [.. commit.Events.Select(e => EventDocument.From(account.Id, e))],
            [.. commit.RepliesToRemember.Select(r => ReplyDocument.From(account.Id, r))],
            [.. commit.NewImportIds.Select(id => ImportIdDocument.From(account.Id, id))]);
        return Writer.WriteAsync(prepared, cancellationToken);
    }

    /// <summary>Writes one commit in a transaction of its own.</summary>
    private Task CommitAloneAsync(PreparedCommit prepared, TimeSpan timeout)
    {
        var (commit, account, appended, events, replies, importIds) = prepared;
        return MongoDbOperation.RunAsync(timeout, $"committing account {account.Id}", async token =>
        {
            using var session = await _database.Client.StartSessionAsync(cancellationToken: token).ConfigureAwait(false);
            // Atomicity comes from the multi-document transaction: either the account document and every history
            // change commit together or none of them does. WithTransactionAsync retries the whole callback on
            // transient errors (write conflicts with a concurrent committer); any other exception, such as the
            // InconsistentStateException of a stale version, aborts the transaction and propagates unretried.
            await session.WithTransactionAsync(async (s, t) =>
            {
                // The account first: its version check is the gate, so a stale commit touches no history.
                await WriteAccountAsync(s, commit, account, t).ConfigureAwait(false);
                if (!commit.OnlyAppends)
                {
                    await _transactions.DeleteManyAsync(s, HistoryReplacedBy(commit), cancellationToken: t).ConfigureAwait(false);
                }
                if (appended.Count > 0)
                    await _transactions.InsertManyAsync(s, appended, new InsertManyOptions { IsOrdered = true }, t).ConfigureAwait(false);
                await _events.InsertManyAsync(s, events, new InsertManyOptions { IsOrdered = true }, t).ConfigureAwait(false);
                if (importIds.Count > 0)
                    await _importIds.InsertManyAsync(s, importIds, new InsertManyOptions { IsOrdered = false }, t).ConfigureAwait(false);
                foreach (var reply in replies)
                {
                    await _replies.ReplaceOneAsync(s, r => r.Id == reply.Id, reply, new ReplaceOptions { IsUpsert = true }, t)
                        .ConfigureAwait(false);
                }
                return true;
            }, _transactionOptions, token).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    /// <summary>
    /// Writes the commits of different accounts in one transaction, one bulk write per collection. Every version
    /// check comes first; if one fails, or any write fails, the transaction is aborted with nothing written and the
    /// exception tells the <see cref="Writer"/> to write the commits one by one.
    /// </summary>
    private Task CommitTogetherAsync(IReadOnlyList<PreparedCommit> batch, TimeSpan timeout)
    {
        var accountWrites = batch.Select(AccountWriteOf).ToList();
        var expectedMatches = batch.Count(c => c.Commit.ExpectedVersion != 0);
        // Deletes before inserts: within an account that is the order the commit needs, and the accounts' histories
        // are disjoint, so one delete run and one insert run serve the whole batch.
        var historyWrites = batch.Where(c => !c.Commit.OnlyAppends)
            .Select(c => (WriteModel<TransactionDocument>)new DeleteManyModel<TransactionDocument>(HistoryReplacedBy(c.Commit)))
            .Concat(batch.SelectMany(c => c.Appended).Select(t => new InsertOneModel<TransactionDocument>(t)))
            .ToList();
        var eventWrites = batch.SelectMany(c => c.Events).Select(e => new InsertOneModel<EventDocument>(e)).ToList();
        var replyWrites = batch.SelectMany(c => c.Replies)
            .Select(r => new ReplaceOneModel<ReplyDocument>(Builders<ReplyDocument>.Filter.Eq(d => d.Id, r.Id), r) { IsUpsert = true })
            .ToList();
        var importIdWrites = batch.SelectMany(c => c.ImportIds).Select(d => new InsertOneModel<ImportIdDocument>(d)).ToList();
        var ordered = new BulkWriteOptions { IsOrdered = true };

        return MongoDbOperation.RunAsync(timeout, $"committing {batch.Count} accounts together", async token =>
        {
            using var session = await _database.Client.StartSessionAsync(cancellationToken: token).ConfigureAwait(false);
            await session.WithTransactionAsync(async (s, t) =>
            {
                // An opening whose account exists already fails here with a duplicate key; an update whose version
                // differs matches nothing. Either way no history has been touched yet.
                var written = await _accounts.BulkWriteAsync(s, accountWrites, ordered, t).ConfigureAwait(false);
                if (written.MatchedCount != expectedMatches)
                    throw new StaleCommitInBatchException(expectedMatches - written.MatchedCount, batch.Count);
                if (historyWrites.Count > 0) await _transactions.BulkWriteAsync(s, historyWrites, ordered, t).ConfigureAwait(false);
                await _events.BulkWriteAsync(s, eventWrites, ordered, t).ConfigureAwait(false);
                if (replyWrites.Count > 0) await _replies.BulkWriteAsync(s, replyWrites, ordered, t).ConfigureAwait(false);
                if (importIdWrites.Count > 0) await _importIds.BulkWriteAsync(s, importIdWrites, ordered, t).ConfigureAwait(false);
                return true;
            }, _transactionOptions, token).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    /// <summary>An opening inserts the account; any other commit replaces it only at the version it expects.</summary>
    private static WriteModel<AccountDocument> AccountWriteOf(PreparedCommit prepared) =>
        prepared.Commit.ExpectedVersion == 0
            ? new InsertOneModel<AccountDocument>(prepared.Account)
            : new ReplaceOneModel<AccountDocument>(
                Builders<AccountDocument>.Filter.Eq(a => a.Id, prepared.AccountId)
                & Builders<AccountDocument>.Filter.Eq(a => a.Version, prepared.Commit.ExpectedVersion),
                prepared.Account);

    /// <summary>The stored history entries that <paramref name="commit"/> replaces.</summary>
    private static FilterDefinition<TransactionDocument> HistoryReplacedBy(AccountCommit commit) =>
        Builders<TransactionDocument>.Filter.Eq(h => h.AccountId, commit.Account.Id)
        & Builders<TransactionDocument>.Filter.Gte(h => h.TransactionId, commit.FirstChangedTransactionId);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string accountId, long afterVersion, int count, CancellationToken cancellationToken)
    {
        // A limit of 0 means "no limit" to MongoDB, so an empty read is answered here.
        if (count <= 0) return Task.FromResult<IReadOnlyList<RecordedEvent>>([]);

        return MongoDbOperation.RunAsync<IReadOnlyList<RecordedEvent>>(_options.OperationTimeout, $"reading the log of account {accountId}", async token =>
        {
            var documents = await _events
                .Find(e => e.AccountId == accountId && e.Version > afterVersion && e.Version <= afterVersion + count,
                    new FindOptions { MaxTime = _options.OperationTimeout })
                .Sort(Builders<EventDocument>.Sort.Ascending(e => e.Version))
                .Limit(count)
                .ToListAsync(token).ConfigureAwait(false);
            return [.. documents.Select(d => d.ToRecordedEvent())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Transaction>> ReadTransactionsAsync(string accountId, long fromId, int count, CancellationToken cancellationToken)
    {
        // A limit of 0 means "no limit" to MongoDB, so an empty page is answered here.
        if (count <= 0) return Task.FromResult<IReadOnlyList<Transaction>>([]);

        return MongoDbOperation.RunAsync<IReadOnlyList<Transaction>>(_options.OperationTimeout, $"reading the history of account {accountId}", async token =>
        {
            var documents = await _transactions
                // Both bounds: ids are contiguous, so the range is exactly the page and the index scan stops at its end.
                .Find(t => t.AccountId == accountId && t.TransactionId >= fromId && t.TransactionId < fromId + count,
                    new FindOptions { MaxTime = _options.OperationTimeout })
                .Sort(Builders<TransactionDocument>.Sort.Ascending(t => t.TransactionId))
                .Limit(count)
                .ToListAsync(token).ConfigureAwait(false);
            return [.. documents.Select(d => d.ToTransaction())];
        }, cancellationToken);
    }

    /// <summary>How many transactions one query of a dated read brings back: what a read holds in memory at once.</summary>
    internal const int DatedReadBatch = 500;

    /// <summary>
    /// Reads the dated range in batches of <see cref="DatedReadBatch"/>, each its own bounded query over the
    /// (account, transaction id) index, filtered by date (stored in UTC), continuing after the last id it returned.
    /// </summary>
    public async IAsyncEnumerable<Transaction> ReadTransactionsDatedAsync(
        string accountId, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = from.UtcDateTime;
        var before = until.UtcDateTime;
        var next = 0L;
        while (true)
        {
            var first = next;
            var batch = await MongoDbOperation.RunAsync(_options.OperationTimeout, $"reading the dated history of account {accountId}", token =>
                _transactions
                    .Find(t => t.AccountId == accountId && t.TransactionId >= first && t.Date >= since && t.Date < before,
                        new FindOptions { MaxTime = _options.OperationTimeout })
                    .Sort(Builders<TransactionDocument>.Sort.Ascending(t => t.TransactionId))
                    .Limit(DatedReadBatch)
                    .ToListAsync(token), cancellationToken).ConfigureAwait(false);
            foreach (var document in batch) yield return document.ToTransaction();
            if (batch.Count < DatedReadBatch) yield break;
            next = batch[^1].TransactionId + 1;
        }
    }

    /// <inheritdoc />
    public Task<RememberedReply?> FindReplyAsync(string accountId, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoDbOperation.RunAsync(_options.OperationTimeout, $"finding a remembered reply of account {accountId}", async token =>
        {
            // The TTL monitor removes expired replies only now and then, so expiry is checked here as well.
            var id = ReplyDocument.IdOf(accountId, key);
            var document = await _replies
                .Find(r => r.Id == id && r.ExpiresAt > now.UtcDateTime, new FindOptions { MaxTime = _options.OperationTimeout })
                .FirstOrDefaultAsync(token).ConfigureAwait(false);
            return document?.ToReply();
        }, cancellationToken);

    /// <summary>How many ids one lookup names, so that a query stays far below MongoDB's 16 MB per command.</summary>
    private const int ImportIdsPerLookup = 1000;

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> FindImportIdsAsync(string accountId, IReadOnlyCollection<string> importIds, CancellationToken cancellationToken) =>
        MongoDbOperation.RunAsync<IReadOnlySet<string>>(_options.OperationTimeout, $"finding the import ids of account {accountId}", async token =>
        {
            var held = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in importIds.Chunk(ImportIdsPerLookup))
            {
                var keys = chunk.Select(id => ImportIdDocument.IdOf(accountId, id)).ToList();
                var found = await _importIds
                    .Find(Builders<ImportIdDocument>.Filter.In(d => d.Id, keys), new FindOptions { MaxTime = _options.OperationTimeout })
                    .Project(d => d.ImportId)
                    .ToListAsync(token).ConfigureAwait(false);
                held.UnionWith(found);
            }
            return held;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(string ownerId, CancellationToken cancellationToken) =>
        MongoDbOperation.RunAsync<IReadOnlyList<AccountSummary>>(_options.OperationTimeout, $"listing the accounts of {ownerId}", async token =>
        {
            var documents = await _accounts
                .Find(a => a.OwnerId == ownerId && !a.Closed, new FindOptions { MaxTime = _options.OperationTimeout })
                .Project<AccountDocument>(Builders<AccountDocument>.Projection.Include(a => a.Name).Include(a => a.Balance)
                    .Include(a => a.OwnerId).Include(a => a.Members))
                .Sort(Builders<AccountDocument>.Sort.Ascending(a => a.Name).Ascending(a => a.Id))
                .ToListAsync(token).ConfigureAwait(false);
            return [.. documents.Select(d => d.ToSummary())];
        }, cancellationToken);

    private async Task WriteAccountAsync(IClientSessionHandle session, AccountCommit commit, AccountDocument account, CancellationToken cancellationToken)
    {
        if (commit.ExpectedVersion == 0)
        {
            try
            {
                await _accounts.InsertOneAsync(session, account, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
            {
                throw Conflict(commit, "it already exists", ex);
            }
            return;
        }

        var result = await _accounts.ReplaceOneAsync(
            session,
            a => a.Id == account.Id && a.Version == commit.ExpectedVersion,
            account,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.MatchedCount == 0) throw Conflict(commit, "its stored version differs or it does not exist", innerException: null);
    }

    private async Task RequireTransactionsAsync(CancellationToken cancellationToken)
    {
        if (!await MongoDbTransactionSupport.IsAvailableAsync(_database, cancellationToken).ConfigureAwait(false))
            throw new MongoDbStorageException("The MongoDB account store needs multi-document transactions, " + MongoDbTransactionSupport.StandaloneServerAdvice);
    }

    private InconsistentStateException Conflict(AccountCommit commit, string reason, Exception? innerException)
    {
        LogConflict(commit.Account.Id, commit.ExpectedVersion);
        var message = $"Account {commit.Account.Id} was not committed at version {commit.ExpectedVersion}: {reason}.";
        return innerException is null
            ? new InconsistentStateException(message, "unknown", commit.ExpectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : new InconsistentStateException(message, innerException);
    }

    /// <summary>Aborts a batch in which some account is not at the version its commit expects.</summary>
    private sealed class StaleCommitInBatchException(long stale, int commits)
        : Exception($"{stale} of the {commits} commits of the batch are not at their expected version.");

    [LoggerMessage(Level = LogLevel.Information, Message = "MongoDB account store ready in database {Database}")]
    private partial void LogInitialized(string database);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Commit of account {AccountId} at version {ExpectedVersion} refused: another writer committed first")]
    private partial void LogConflict(string accountId, long expectedVersion);
}
