using NVelopes.Persistence.Sqlite.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.Sqlite;

/// <summary>The embedded writer reports each durable transaction with the number of account commits it held.</summary>
public sealed class SqliteTransactionReportTests : OwnSqliteDatabase
{
    [Fact]
    public async Task EveryLandedCommit_IsCountedInItsTransaction_AndARefusedOneIsNot()
    {
        var store = new SqliteAccountStore(Database, TimeProvider.System);
        var opened = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Ledger.Open($"report-{i}", "owner").CommitAsync(store)));
        await opened[0].Begin().Deposit(1m).CommitAsync(store);

        await Assert.ThrowsAsync<InconsistentStateException>(() => opened[0].Begin().Deposit(2m).CommitAsync(store));

        Assert.Equal(20 + 1, Transactions.CommitsPerTransaction.Sum());
        Assert.DoesNotContain(0, Transactions.CommitsPerTransaction);
    }
}
