using System.Globalization;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Reports;

namespace NVelopes.Grains.Tests;

/// <summary>The report grain on every store: the owner's money in and out from the stored history, nobody else's.</summary>
public abstract class AccountReportGrainTests(ClusterFixture fixture)
{
    private const string Owner = "owner-report";

    [SkippableFact]
    public async Task ReadSpending_FoldsTheStoredHistory_AfterTheAccountLeftMemory()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var id = Guid.NewGuid().ToString("N");
        var account = fixture.Client.GetGrain<IAccountGrain>(id);
        await account.OpenAsync(new OpenAccount(Owner, "Current", 100m, CanGoNegative: true));
        await account.AddEnvelopesAsync(new AddEnvelopes(Owner, ["Food"]));
        for (var i = 0; i < 30; i++) await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Deposit, 1, $"d{i}", 1.10m));
        await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Atm, 1, "cash", 5m));
        await account.UndoLastAsync(new UndoLast(Owner));
        await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Debit, 1, "shop", 2.25m));
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var report = await fixture.Client.GetGrain<IAccountReportGrain>(id).ReadSpendingAsync(new ReadSpending(Owner, month, month));

        var only = Assert.Single(report.Months);
        Assert.Equal(month, only.Month);
        Assert.Equal([new EnvelopeFlowView(1, "Food", 33.00m, 2.25m)], only.Envelopes.AsEnumerable());
    }

    [SkippableFact]
    public async Task ReadSpending_ByAnotherUser_IsNotFound()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var id = Guid.NewGuid().ToString("N");
        await fixture.Client.GetGrain<IAccountGrain>(id).OpenAsync(new OpenAccount(Owner, "Current", 100m, CanGoNegative: true));

        var refused = await Assert.ThrowsAsync<NVelopesException>(() =>
            fixture.Client.GetGrain<IAccountReportGrain>(id).ReadSpendingAsync(new ReadSpending("someone-else", "2026-01", "2026-02")));

        Assert.Equal(ErrorKind.NotFound, refused.Kind);
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteAccountReportGrainTests(SqliteClusterFixture fixture) : AccountReportGrainTests(fixture);

[Collection(MongoDbCluster.Name)]
public sealed class MongoDbAccountReportGrainTests(MongoDbClusterFixture fixture) : AccountReportGrainTests(fixture);
