using MongoDB.Bson;
using MongoDB.Driver;
using NVelopes.Bench.Seeding;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The baseline on a MongoDB database of its own, as the original's <c>db.py</c> used it: <c>find_one</c> of the
/// account outside any transaction, then a multi-document transaction with <c>update_one({_id}, {$set: balance,
/// last tx id, changed envelopes})</c> (no version in the filter) and <c>insert_one</c> of the transaction, with
/// NVelopes' durability (write concern majority, journaled).
/// <para>
/// The original's <c>with session.start_transaction()</c> block gave up on a write conflict; this port retries the
/// transaction on transient errors (the driver's <c>WithTransactionAsync</c>), which can only help it. It retries
/// the same stale <c>$set</c>, as a retry of the original's block would.
/// </para>
/// </summary>
internal sealed class MongoDbBaselineStore : IBaselineStore
{
    private const int InsertChunk = 5_000;

    private readonly MongoClient _client;
    private readonly IMongoCollection<BsonDocument> _users;
    private readonly IMongoCollection<BsonDocument> _accounts;
    private readonly IMongoCollection<BsonDocument> _transactions;
    private readonly TransactionOptions _transactionOptions;

    public MongoDbBaselineStore(string connectionString)
    {
        var url = MongoUrl.Create(connectionString);
        _client = new MongoClient(url);
        var durable = new WriteConcern(WriteConcern.WValue.Parse("majority"), journal: true);
        var database = _client.GetDatabase(url.DatabaseName).WithWriteConcern(durable);
        _users = database.GetCollection<BsonDocument>("users");
        _accounts = database.GetCollection<BsonDocument>("accounts");
        _transactions = database.GetCollection<BsonDocument>("transactions");
        _transactionOptions = new TransactionOptions(writeConcern: durable);
    }

    /// <summary>
    /// The original made no index but <c>_id</c>; the one on usernames here, for the lookup every request makes, can
    /// only help the baseline.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _users.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("username"), new CreateIndexOptions { Unique = true }),
            cancellationToken: cancellationToken);

    public async Task<BaselineUser?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        var document = await _users.Find(Builders<BsonDocument>.Filter.Eq("username", username)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToUser();
    }

    public Task InsertUserAsync(BaselineUser user, CancellationToken cancellationToken) =>
        _users.InsertOneAsync(user.ToDocument(), cancellationToken: cancellationToken);

    public async Task<Account?> FindAsync(string ownerId, string accountId, CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter.Eq("_id", accountId) & Builders<BsonDocument>.Filter.Eq("owner_id", ownerId);
        var document = await _accounts.Find(filter).FirstOrDefaultAsync(cancellationToken);
        return document?.ToAccount();
    }

    public async Task SaveAsync(Account before, AccountChange change, CancellationToken cancellationToken)
    {
        var after = change.After;
        var update = Builders<BsonDocument>.Update
            .Set("next_tx_id", after.NextTransactionId)
            .Set("balance", new BsonDecimal128(after.Balance));
        foreach (var envelope in after.Envelopes.Where(e => e.Id >= before.Envelopes.Count || before.Envelopes[e.Id] != e))
            update = update.Set($"envelopes.{envelope.Id}", envelope.ToDocument());
        var recorded = change.Recorded?.ToDocument();

        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        await session.WithTransactionAsync(async (s, token) =>
        {
            await _accounts.UpdateOneAsync(s, Builders<BsonDocument>.Filter.Eq("_id", after.Id), update, cancellationToken: token);
            // A fresh document each attempt: the driver gives an inserted document its _id.
            if (recorded is not null) await _transactions.InsertOneAsync(s, recorded.DeepClone().AsBsonDocument, cancellationToken: token);
            return true;
        }, _transactionOptions, cancellationToken);
    }

    public async Task InsertAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken cancellationToken)
    {
        var unordered = new InsertManyOptions { IsOrdered = false };
        foreach (var chunk in accounts.Chunk(InsertChunk))
        {
            await _accounts.InsertManyAsync(chunk.Select(a => a.Account.ToDocument()), unordered, cancellationToken);
            await _transactions.InsertManyAsync(chunk.SelectMany(a => a.History).Select(t => t.ToDocument()), unordered, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
