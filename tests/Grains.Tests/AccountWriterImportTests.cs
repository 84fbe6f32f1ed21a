using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Imports;
using NVelopes.Grains.Accounts;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Import;
using NVelopes.TestSupport;

namespace NVelopes.Grains.Tests;

/// <summary>
/// Statement imports through <see cref="AccountWriter"/> on the real embedded store, behind a decorator that holds or
/// fails its calls: one commit per import, and no line twice, whether the first import's write is still in flight
/// or its outcome was lost.
/// </summary>
public sealed class AccountWriterImportTests : FaultableSqliteStoreTests
{
    private const string Owner = "owner-1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly Statement ThreeLines = new(StatementFormat.Csv,
    [
        new StatementLine(2, new DateOnly(2024, 1, 2), 10.00m, "refund"),
        new StatementLine(3, new DateOnly(2024, 1, 3), -2.50m, "coffee"),
        new StatementLine(4, new DateOnly(2024, 1, 3), -2.50m, "coffee"),
    ], []);

    [Fact]
    public async Task AnImport_IsOneCommitOfAllItsLines()
    {
        var writer = await OpenedAsync();

        var plan = await ImportAsync(writer, dryRun: false);

        Assert.Equal(3, plan.New.Length);
        Assert.Equal([1, 3], Store.CommittedEventCounts);
        var stored = (await Store.LoadAsync(writer.AccountId, CancellationToken.None))!;
        Assert.Equal(105.00m, stored.Account.Balance);
        Assert.Equal(4, stored.Version);
    }

    [Fact]
    public async Task TheSameLines_ImportedWhileTheFirstImportsWriteIsInFlight_AreAllDuplicates()
    {
        var writer = await OpenedAsync();
        Store.Commits.Hold();
        var first = ImportAsync(writer, dryRun: false);
        await Store.Commits.UntilHeldAsync(1);

        var second = await ImportAsync(writer, dryRun: false).WaitAsync(Patience);

        Assert.Empty(second.New);
        Assert.Equal(3, second.Duplicates.Length);
        Assert.False(first.IsCompleted); // not durable yet, so not answered
        Store.Commits.Release();
        Assert.Equal(3, (await first.WaitAsync(Patience)).New.Length);
        Assert.Equal([1, 3], Store.CommittedEventCounts);
    }

    [Fact]
    public async Task AnImportWhoseAcknowledgementWasLost_IsNotImportedAgain_ByTheNextImportOfTheFile()
    {
        var writer = await OpenedAsync();
        Store.Fault = StoreFault.LostAcknowledgement;

        var lost = await Assert.ThrowsAsync<NVelopesException>(() => ImportAsync(writer, dryRun: false));
        Store.Fault = StoreFault.None;
        var retried = await ImportAsync(writer, dryRun: false);

        Assert.Equal(ErrorKind.Unavailable, lost.Kind);
        Assert.Empty(retried.New);
        Assert.Equal(3, retried.Duplicates.Length);
        Assert.Equal(105.00m, (await Store.LoadAsync(writer.AccountId, CancellationToken.None))!.Account.Balance);
    }

    [Fact]
    public async Task ADryRun_OrAnImportWithARefusedLine_CommitsNothing()
    {
        var writer = await OpenedAsync();
        var overdrawn = ThreeLines with { Lines = [.. ThreeLines.Lines, new StatementLine(5, new DateOnly(2024, 1, 4), -500.00m, "rent")] };

        var dryRun = await ImportAsync(writer, overdrawn, dryRun: true);
        var refused = await Assert.ThrowsAsync<NVelopesException>(() => ImportAsync(writer, overdrawn, dryRun: false));

        Assert.Equal(5, Assert.Single(dryRun.Refused).Line);
        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("Line 5:", refused.Message);
        Assert.Equal([1], Store.CommittedEventCounts);
        Assert.Equal(1, (await writer.DurableOwnedAsync(Owner, CancellationToken.None)).Version);
    }

    private static Task<ImportReport> ImportAsync(AccountWriter writer, bool dryRun) => ImportAsync(writer, ThreeLines, dryRun);

    private static Task<ImportReport> ImportAsync(AccountWriter writer, Statement statement, bool dryRun) =>
        writer.ImportAsync(Owner, null, Account.AvailableEnvelopeId, statement, dryRun,
            (plan, after) => plan.ToReport(dryRun, Account.AvailableEnvelopeId, after.ToView(after.Version)), CancellationToken.None);

    private AccountWriter NewWriter(string accountId) => new(accountId, Store, TimeProvider.System, NullLogger.Instance);

    private async Task<AccountWriter> OpenedAsync()
    {
        var writer = NewWriter(Guid.NewGuid().ToString("N"));
        await writer.RunAsync(Owner, null, opensAccount: true, CancellationToken.None,
            _ => ValueTask.FromResult(Account.Open(writer.AccountId, Owner, "Everyday", 100m, canGoNegative: false, writer.Now())));
        return writer;
    }
}
