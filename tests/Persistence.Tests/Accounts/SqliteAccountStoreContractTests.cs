using Microsoft.Data.Sqlite;
using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.Tests.Accounts;

[Collection(StorageCollection.Name)]
public sealed class SqliteAccountStoreContractTests(StorageFixture fixture) : AccountStoreContractTests
{
    protected override IAccountStore Store => fixture.SqliteAccountStore;

    /// <summary>
    /// The store itself, with a trigger that aborts the insert of the account's events: a commit writes them after
    /// the account row and its history, in the same transaction.
    /// </summary>
    protected override async Task<FailingStore> StoreFailingMidCommitAsync(string accountId)
    {
        // Account ids here are fresh GUIDs, safe to put in the statement (a trigger takes no parameters).
        var trigger = $"fail_commit_{accountId}";
        await ExecuteAsync($"""
            CREATE TRIGGER {trigger} BEFORE INSERT ON events WHEN NEW.account_id = '{accountId}'
            BEGIN SELECT RAISE(ABORT, '{SimulatedCrash}'); END
            """);
        return new FailingStore(Store, () => ExecuteAsync($"DROP TRIGGER {trigger}"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fixture.Sqlite.Path }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
