using System.Text.Json;
using Microsoft.Data.Sqlite;
using NVelopes.Bench.Seeding;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The baseline on an embedded SQLite file of its own, with NVelopes' durability (WAL, <c>synchronous=FULL</c>):
/// every request reads the account on a pooled connection, then commits its own transaction (one fsync) that
/// overwrites the account row and inserts the history row. No batching, no cache.
/// <para>
/// SQLite admits one writer at a time, and Microsoft.Data.Sqlite answers a busy file by sleeping 150 ms before it
/// retries, which would make the baseline look far worse than its design is. So writers queue on an async lock
/// instead: each still pays its own transaction and fsync, and the read before it stays outside, as in the original.
/// </para>
/// </summary>
internal sealed class SqliteBaselineStore : IBaselineStore
{
    private const string Schema = """
        -- The original looked users up by username without an index; one here can only help the baseline.
        CREATE TABLE IF NOT EXISTS users (
            id TEXT NOT NULL PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            disabled INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS accounts (
            id TEXT NOT NULL PRIMARY KEY,
            owner_id TEXT NOT NULL,
            state TEXT NOT NULL
        ) WITHOUT ROWID;
        -- Like the original's transactions collection: nothing makes (account, tx id) unique.
        CREATE TABLE IF NOT EXISTS transactions (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            tx_id INTEGER NOT NULL,
            body TEXT NOT NULL
        );
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteBaselineStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "baseline.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, Schema, cancellationToken);
    }

    public async Task<BaselineUser?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, disabled FROM users WHERE username = $username";
        command.Parameters.AddWithValue("$username", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BaselineUser(reader.GetString(0), username, reader.GetBoolean(1))
            : null;
    }

    public async Task InsertUserAsync(BaselineUser user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO users (id, username, disabled) VALUES ($id, $username, $disabled)";
        insert.Parameters.AddWithValue("$id", user.Id);
        insert.Parameters.AddWithValue("$username", user.Username);
        insert.Parameters.AddWithValue("$disabled", user.Disabled);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<Account?> FindAsync(string ownerId, string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM accounts WHERE id = $id AND owner_id = $owner";
        command.Parameters.AddWithValue("$id", accountId);
        command.Parameters.AddWithValue("$owner", ownerId);
        return await command.ExecuteScalarAsync(cancellationToken) is string state
            ? JsonSerializer.Deserialize<Account>(state, Json)
            : null;
    }

    public async Task SaveAsync(Account before, AccountChange change, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var update = connection.CreateCommand())
            {
                update.Transaction = transaction;
                update.CommandText = "UPDATE accounts SET state = $state WHERE id = $id";
                update.Parameters.AddWithValue("$id", change.After.Id);
                update.Parameters.AddWithValue("$state", JsonSerializer.Serialize(change.After, Json));
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            if (change.Recorded is { } recorded) await InsertTransactionAsync(connection, transaction, recorded, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task InsertAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var seeded in accounts)
            {
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO accounts (id, owner_id, state) VALUES ($id, $owner, $state)";
                    insert.Parameters.AddWithValue("$id", seeded.Account.Id);
                    insert.Parameters.AddWithValue("$owner", seeded.Account.OwnerId);
                    insert.Parameters.AddWithValue("$state", JsonSerializer.Serialize(seeded.Account, Json));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                foreach (var recorded in seeded.History) await InsertTransactionAsync(connection, transaction, recorded, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private static async Task InsertTransactionAsync(
        SqliteConnection connection, SqliteTransaction transaction, Transaction recorded, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO transactions (account_id, tx_id, body) VALUES ($account, $tx, $body)";
        insert.Parameters.AddWithValue("$account", recorded.AccountId);
        insert.Parameters.AddWithValue("$tx", recorded.Id);
        insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(recorded, Json));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A connection that commits with NVelopes' durability: on disk before acknowledged.</summary>
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
