using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NVelopes.Grains.Telemetry;
using NVelopes.Persistence.Sqlite.Options;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// The embedded database file: its schema, its read connections and its single writer. SQLite allows one writer
/// at a time, so every write of every account goes through <see cref="Writer"/>, which groups the writes waiting
/// at the same moment into one durable transaction (one fsync for many commits).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS accounts (
            id TEXT NOT NULL PRIMARY KEY,
            owner_id TEXT NOT NULL,
            closed INTEGER NOT NULL,
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            state TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_accounts_owner ON accounts (owner_id, closed, name, id);
        -- One row per transaction keyed by (account, id): a page of history is a range read on the key.
        CREATE TABLE IF NOT EXISTS transactions (
            account_id TEXT NOT NULL,
            tx_id INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (account_id, tx_id)
        ) WITHOUT ROWID;
        -- The account's log: one row per event keyed by (account, version), appended and never changed.
        CREATE TABLE IF NOT EXISTS events (
            account_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (account_id, version)
        ) WITHOUT ROWID;
        -- Answers of commands sent with an idempotency key, written with the commit that applied them.
        CREATE TABLE IF NOT EXISTS replies (
            account_id TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            reply TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (account_id, key)
        ) WITHOUT ROWID;
        -- Orleans reminders: one row per (service, grain, reminder), read by ranges of the grain's uniform hash.
        CREATE TABLE IF NOT EXISTS reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_reminders_hash ON reminders (service_id, grain_hash);
        -- The import ids of the statement lines each account ever recorded, written with the commit that recorded
        -- them: an import asks for the ids of its file by key, so the check is exact and nothing is held in memory.
        CREATE TABLE IF NOT EXISTS import_ids (
            account_id TEXT NOT NULL,
            import_id TEXT NOT NULL,
            PRIMARY KEY (account_id, import_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            etag TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        ) WITHOUT ROWID;
        """;

    /// <summary>The store's name in metrics, as the silo's other store metrics name it.</summary>
    public const string StoreName = "sqlite";

    private readonly string _connectionString;
    private readonly Lazy<Task> _initialized;
    private SqliteCheckpointer? _checkpointer;

    /// <param name="options">Where the file is and how long a busy file is waited for.</param>
    /// <param name="telemetry">Where the writer reports its transactions; none outside a silo.</param>
    public SqliteDatabase(IOptions<SqliteStorageOptions> options, NVelopesTelemetry? telemetry = null)
    {
        var settings = options.Value;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = settings.DatabasePath,
            Pooling = true,
            DefaultTimeout = (int)Math.Max(1, settings.BusyTimeout.TotalSeconds),
        }.ToString();
        _initialized = new Lazy<Task>(() => CreateSchemaAsync(settings));
        Writer = new SqliteWriter(OpenWriteConnectionAsync, telemetry?.StoreTransactionsOf(StoreName));
    }

    public string Path => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    internal SqliteWriter Writer { get; }

    /// <summary>Creates the file and the schema once; safe to call from every user of the database.</summary>
    public Task InitializeAsync() => _initialized.Value;

    /// <summary>A pooled connection for reads; WAL lets reads run beside the writer.</summary>
    public async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        if (_checkpointer is not null) await _checkpointer.DisposeAsync();
    }

    private async Task<SqliteConnection> OpenWriteConnectionAsync()
    {
        await InitializeAsync();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        // FULL: a commit is on disk before it is acknowledged, even across a power loss.
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL;");
        // Checkpoints run beside the writer (SqliteCheckpointer), not inside its commits, where copying the log into
        // the database file held every waiting account's write; this only bounds the log if they fall behind.
        await ExecuteAsync(connection, $"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.WriterCheckpointPages};");
        // Only the writer's loop opens write connections, one at a time: the checkpointer starts with the first one,
        // so a database that is never written to has no background work.
        _checkpointer ??= new SqliteCheckpointer(OpenReadConnectionAsync);
        return connection;
    }

    private async Task CreateSchemaAsync(SqliteStorageOptions settings)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(settings.DatabasePath)!);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;");
        await ExecuteAsync(connection, Schema);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
