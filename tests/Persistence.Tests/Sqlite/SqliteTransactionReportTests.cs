using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.Sqlite;

/// <summary>The embedded writer reports each durable transaction with the number of account commits it held.</summary>
public sealed class SqliteTransactionReportTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvelopes-report-tests", Guid.NewGuid().ToString("N"));
    private readonly StoreTransactionRecorder _transactions = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), _transactions.Telemetry);
        await _database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _transactions.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EveryLandedCommit_IsCountedInItsTransaction_AndARefusedOneIsNot()
    {
        var store = new SqliteAccountStore(_database, TimeProvider.System);
        var opened = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Ledger.Open($"report-{i}", "owner").CommitAsync(store)));
        await opened[0].Begin().Deposit(1m).CommitAsync(store);

        await Assert.ThrowsAsync<InconsistentStateException>(() => opened[0].Begin().Deposit(2m).CommitAsync(store));

        Assert.Equal(20 + 1, _transactions.CommitsPerTransaction.Sum());
        Assert.DoesNotContain(0, _transactions.CommitsPerTransaction);
    }
}
