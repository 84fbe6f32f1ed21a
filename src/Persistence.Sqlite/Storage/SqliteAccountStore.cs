using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// The embedded adapter of the account storage port. An account is one row (its state as JSON plus the columns
/// that are queried); its log is one row per event keyed by (account, version), its effective history one row per
/// transaction keyed by (account, id). A commit is one savepoint of the writer's transaction, so the state, the log
/// and the history change together or not at all.
/// </summary>
public sealed class SqliteAccountStore(SqliteDatabase database, TimeProvider clock) : IAccountStore
{
    public string Name => SqliteDatabase.StoreName;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public Task InitializeAsync(CancellationToken cancellationToken) => database.InitializeAsync();

    public async Task<StoredAccount?> LoadAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, state FROM accounts WHERE id = $id";
        command.Parameters.AddWithValue("$id", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var version = reader.GetInt64(0);
        return new StoredAccount(JsonSerializer.Deserialize<Account>(reader.GetString(1), Json)! with { Version = version }, version);
    }

    /// <summary>
    /// The JSON is made here, by the caller, so that the one writer, which every account's commits wait for, only
    /// binds and runs statements. The account is written first: its version check refuses a stale commit before
    /// any history is touched, and then a commit that only appends needs no delete.
    /// </summary>
    public Task CommitAsync(AccountCommit commit, CancellationToken cancellationToken)
    {
        commit.RequireConsistent();
        var state = JsonSerializer.Serialize(commit.Account, Json);
        var appended = commit.Appended.Select(recorded => ((object)recorded.Id, (string?)JsonSerializer.Serialize(recorded, Json))).ToList();
        var events = commit.Events.Select(recorded => ((object)recorded.Version, (string?)RecordedEventJson.Serialize(recorded))).ToList();
        var importIds = commit.NewImportIds.ToList();
        var now = clock.GetUtcNow();
        return database.Writer.WriteAsync(async write =>
        {
            await WriteAccountAsync(write, commit, state);
            if (!commit.OnlyAppends) await DeleteHistoryFromAsync(write, commit);
            await InsertRowsAsync(write, TransactionsTable, commit.Account.Id, appended);
            await InsertRowsAsync(write, EventsTable, commit.Account.Id, events);
            await InsertRowsAsync(write, ImportIdsTable, commit.Account.Id, importIds.Select(id => ((object)id, (string?)null)).ToList());
            await RememberRepliesAsync(write, commit, now);
        });
    }

    public async Task<RememberedReply?> FindReplyAsync(string accountId, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT fingerprint, reply, expires_at FROM replies
            WHERE account_id = $account AND key = $key AND expires_at > $now
            """;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new RememberedReply(key, reader.GetString(0), reader.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(
        string accountId, long afterVersion, int count, CancellationToken cancellationToken) =>
        ReadBodiesAsync("""
            SELECT body FROM events
            WHERE account_id = $account AND version > $from AND version <= $from + $count
            ORDER BY version LIMIT $count
            """, accountId, afterVersion, count, RecordedEventJson.Deserialize, cancellationToken);

    public Task<IReadOnlyList<Transaction>> ReadTransactionsAsync(
        string accountId, long fromId, int count, CancellationToken cancellationToken) =>
        ReadBodiesAsync("""
            SELECT body FROM transactions
            WHERE account_id = $account AND tx_id >= $from AND tx_id < $from + $count
            ORDER BY tx_id LIMIT $count
            """, accountId, fromId, count, body => JsonSerializer.Deserialize<Transaction>(body, Json)!, cancellationToken);

    /// <summary>How many transactions one query of a dated read brings back: what a read holds in memory at once.</summary>
    internal const int DatedReadBatch = 500;

    /// <summary>
    /// Reads the dated range in batches of <see cref="DatedReadBatch"/> ids: the account's rows in id order (its
    /// primary key), filtered by the date in the body, which SQLite's date functions read with its offset, so the
    /// range is compared in UTC whatever offset a transaction was recorded with.
    /// </summary>
    public async IAsyncEnumerable<Transaction> ReadTransactionsDatedAsync(
        string accountId, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var before = until.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var next = 0L;
        while (true)
        {
            var batch = new List<(long Id, string Body)>(DatedReadBatch);
            await using (var connection = await database.OpenReadConnectionAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT tx_id, body FROM transactions
                    WHERE account_id = $account AND tx_id >= $next
                      AND julianday(json_extract(body, '$.Date')) >= julianday($since)
                      AND julianday(json_extract(body, '$.Date')) < julianday($before)
                    ORDER BY tx_id LIMIT $count
                    """;
                command.Parameters.AddWithValue("$account", accountId);
                command.Parameters.AddWithValue("$next", next);
                command.Parameters.AddWithValue("$since", since);
                command.Parameters.AddWithValue("$before", before);
                command.Parameters.AddWithValue("$count", DatedReadBatch);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) batch.Add((reader.GetInt64(0), reader.GetString(1)));
            }
            foreach (var (_, body) in batch) yield return JsonSerializer.Deserialize<Transaction>(body, Json)!;
            if (batch.Count < DatedReadBatch) yield break;
            next = batch[^1].Id + 1;
        }
    }

    /// <summary>The bodies <paramref name="sql"/> selects in a key range of one account (<c>$from</c>, <c>$count</c>), read back.</summary>
    private async Task<IReadOnlyList<T>> ReadBodiesAsync<T>(
        string sql, string accountId, long from, int count, Func<string, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$count", count);
        var bodies = new List<T>(Math.Min(count, 1024));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) bodies.Add(read(reader.GetString(0)));
        return bodies;
    }

    /// <summary>How many ids one lookup names: SQLite binds at most 32,766 parameters to a statement.</summary>
    private const int ImportIdsPerLookup = 500;

    public async Task<IReadOnlySet<string>> FindImportIdsAsync(
        string accountId, IReadOnlyCollection<string> importIds, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (importIds.Count == 0) return held;
        await using var connection = await database.OpenReadConnectionAsync(cancellationToken);
        foreach (var chunk in importIds.Chunk(ImportIdsPerLookup))
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT import_id FROM import_ids WHERE account_id = $account AND import_id IN ({string.Join(',', chunk.Select((_, i) => "$id" + i))})";
            command.Parameters.AddWithValue("$account", accountId);
            for (var i = 0; i < chunk.Length; i++) command.Parameters.AddWithValue("$id" + i, chunk[i]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) held.Add(reader.GetString(0));
        }
        return held;
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM accounts WHERE owner_id = $owner AND closed = 0 ORDER BY name, id";
        command.Parameters.AddWithValue("$owner", ownerId);
        var summaries = new List<AccountSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = JsonSerializer.Deserialize<Account>(reader.GetString(0), Json)!;
            summaries.Add(new AccountSummary(account.Id, account.Name, account.Balance, account.RoleOf(account.OwnerId)));
        }
        return summaries;
    }

    private static async Task DeleteHistoryFromAsync(SqliteWrite write, AccountCommit commit)
    {
        var command = write.Command("DELETE FROM transactions WHERE account_id = $account AND tx_id >= $from");
        command.Parameters.AddWithValue("$account", commit.Account.Id);
        command.Parameters.AddWithValue("$from", commit.FirstChangedTransactionId);
        await command.ExecuteNonQueryAsync();
    }

    private const string TransactionsTable = "transactions (account_id, tx_id, body)";
    private const string EventsTable = "events (account_id, version, body)";
    private const string ImportIdsTable = "import_ids (account_id, import_id)";

    /// <summary>
    /// Rows one INSERT writes: a statement costs its binding and its step once, however many rows it holds, and an
    /// import of 10,000 lines writes 30,000 rows in one commit. Full groups share one prepared statement; the rest
    /// go one row at a time, so a table needs two statements.
    /// </summary>
    private const int RowsPerInsert = 50;

    /// <summary>
    /// Rows of one account into <paramref name="table"/> (its columns named, the account's first): each row's key, and
    /// its body when the table has one.
    /// </summary>
    private static async Task InsertRowsAsync(SqliteWrite write, string table, string accountId, IReadOnlyList<(object Key, string? Body)> rows)
    {
        var withBody = !ReferenceEquals(table, ImportIdsTable);
        for (var start = 0; start < rows.Count;)
        {
            var count = rows.Count - start >= RowsPerInsert ? RowsPerInsert : 1;
            var command = write.Command(InsertSql(table, count, withBody));
            command.Parameters.AddWithValue("$account", accountId);
            for (var i = 0; i < count; i++)
            {
                var (key, body) = rows[start + i];
                command.Parameters.AddWithValue("$k" + i, key);
                if (withBody) command.Parameters.AddWithValue("$b" + i, body);
            }
            await command.ExecuteNonQueryAsync();
            start += count;
        }
    }

    private static string InsertSql(string table, int rows, bool withBody) =>
        $"INSERT INTO {table} VALUES {string.Join(',', Enumerable.Range(0, rows).Select(i => withBody ? $"($account,$k{i},$b{i})" : $"($account,$k{i})"))}";

    /// <summary>Stores the commit's replies and drops this account's expired ones, so the table stays small.</summary>
    private static async Task RememberRepliesAsync(SqliteWrite write, AccountCommit commit, DateTimeOffset now)
    {
        if (commit.RepliesToRemember.Count == 0) return;
        var purge = write.Command("DELETE FROM replies WHERE account_id = $account AND expires_at <= $now");
        purge.Parameters.AddWithValue("$account", commit.Account.Id);
        purge.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await purge.ExecuteNonQueryAsync();
        foreach (var reply in commit.RepliesToRemember)
        {
            var command = write.Command("""
                INSERT OR REPLACE INTO replies (account_id, key, fingerprint, reply, expires_at)
                VALUES ($account, $key, $fingerprint, $reply, $expires)
                """);
            command.Parameters.AddWithValue("$account", commit.Account.Id);
            command.Parameters.AddWithValue("$key", reply.Key);
            command.Parameters.AddWithValue("$fingerprint", reply.Fingerprint);
            command.Parameters.AddWithValue("$reply", reply.Reply);
            command.Parameters.AddWithValue("$expires", reply.ExpiresAt.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Inserts the account at version 1, or updates it only if it is still at the expected version.</summary>
    private static async Task WriteAccountAsync(SqliteWrite write, AccountCommit commit, string state)
    {
        var command = write.Command(commit.ExpectedVersion == 0
            ? """
              INSERT INTO accounts (id, owner_id, closed, name, version, state)
              VALUES ($id, $owner, $closed, $name, $version, $state)
              ON CONFLICT (id) DO NOTHING
              """
            : """
              UPDATE accounts SET closed = $closed, name = $name, version = $version, state = $state
              WHERE id = $id AND version = $expected
              """);
        var account = commit.Account;
        command.Parameters.AddWithValue("$id", account.Id);
        command.Parameters.AddWithValue("$owner", account.OwnerId);
        command.Parameters.AddWithValue("$closed", account.IsClosed ? 1 : 0);
        command.Parameters.AddWithValue("$name", account.Name);
        command.Parameters.AddWithValue("$version", commit.NewVersion);
        command.Parameters.AddWithValue("$expected", commit.ExpectedVersion);
        command.Parameters.AddWithValue("$state", state);
        if (await command.ExecuteNonQueryAsync() != 1)
            throw new InconsistentStateException(
                $"Account '{account.Id}' is no longer at version {commit.ExpectedVersion}; the write was refused.");
    }
}
