using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// The embedded store going away under load, through a fault-injecting wrapper of the real store: requests fail fast
/// with 503 and Retry-After instead of hanging, the service recovers by itself when the store is back, nothing is
/// half-written and nothing acknowledged is lost (MongoDB: <see cref="MongoDbOutageTests"/>).
/// </summary>
public sealed class StoreOutageTests
{
    private const int Clients = 6;

    [Fact]
    public async Task EmbeddedStoreUnreachableUnderLoad_Answers503FastThenRecovers_AndKeepsExactlyTheAcknowledgedDeposits()
    {
        var store = new FaultInjectingAccountStore();
        await using var factory = EmbeddedFactory(store);
        var user = await factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(0.00m);
        var load = new DepositLoad(user.Client, accountId, withIdempotencyKeys: false);
        using var stop = new CancellationTokenSource();

        var running = load.RunAsync(Clients, stop.Token);
        await Task.Delay(300);
        store.Fault = StoreFault.Unreachable;
        var cutAt = load.Now;
        await Task.Delay(800);
        store.Fault = StoreFault.None;
        var restoredAt = load.Now;
        await load.WaitForSuccessAfterAsync(restoredAt, TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        await stop.CancelAsync();
        await running;

        OutageAssertions.FailedFastWith503(load, cutAt, restoredAt, TimeSpan.FromSeconds(5));
        var acknowledged = load.Attempts.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Amount).ToList();
        await OutageAssertions.AccountHoldsExactlyAsync(user.Client, accountId, acknowledged);
        TestDirectories.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task EmbeddedStoreLosingAcknowledgements_Answers503_AndRetriesWithTheirKeysApplyEachDepositExactlyOnce()
    {
        var store = new FaultInjectingAccountStore();
        await using var factory = EmbeddedFactory(store);
        var user = await factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(0.00m);
        var load = new DepositLoad(user.Client, accountId, withIdempotencyKeys: true);

        store.Fault = StoreFault.LostAcknowledgement;
        var lost = await Task.WhenAll(Enumerable.Range(1, 12).Select(n => load.DepositAsync(RetryRequests.NewKey(), n * 0.01m)));
        store.Fault = StoreFault.None;
        var retried = await Task.WhenAll(lost.Select(a => load.DepositAsync(a.Key, a.Amount)));

        Assert.All(lost, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.All(lost, a => Assert.True(a.HasRetryAfter));
        Assert.All(retried, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        await OutageAssertions.AccountHoldsExactlyAsync(user.Client, accountId, [.. lost.Select(a => a.Amount)]);
        TestDirectories.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task CommandAwaitingTheStore_WhenTheWriteBeforeItFails_IsRefused_AndTheFailedDepositNeverLands()
    {
        var store = new FaultInjectingAccountStore();
        await using var factory = EmbeddedFactory(store);
        var user = await factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(0.00m);
        var load = new DepositLoad(user.Client, accountId, withIdempotencyKeys: false);

        // A deposit's write is in flight; a second deposit, with a new idempotency key, looks its key up meanwhile.
        store.Commits.Hold();
        var failing = load.DepositAsync(null, 1.00m);
        await store.Commits.UntilHeldAsync(1);
        store.ReplyLookups.Hold();
        var key = RetryRequests.NewKey();
        var waiting = load.DepositAsync(key, 2.00m);
        await store.ReplyLookups.UntilHeldAsync(1);

        // The write fails; then the lookup finds nothing, and the second deposit would be applied to an account
        // that still holds the first one.
        store.Fault = StoreFault.Unreachable;
        store.Commits.Release();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await failing).Status);
        store.Fault = StoreFault.None;
        store.ReplyLookups.Release();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await waiting).Status);
        await OutageAssertions.AccountHoldsExactlyAsync(user.Client, accountId, []);

        Assert.Equal(HttpStatusCode.OK, (await load.DepositAsync(key, 2.00m)).Status);
        await OutageAssertions.AccountHoldsExactlyAsync(user.Client, accountId, [2.00m]);
        TestDirectories.TryDelete(factory.DataDirectory);
    }

    private static NVelopesApiFactory EmbeddedFactory(FaultInjectingAccountStore store) =>
        new(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey()) { ConfigureTestServices = store.DecorateIn };
}
