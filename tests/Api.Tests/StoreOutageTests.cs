using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.TestSupport;

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
        await using var service = await EmbeddedService.StartAsync(withIdempotencyKeys: false);
        var (store, load) = (service.Store, service.Load);
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
        await service.HoldsExactlyAsync(acknowledged);
    }

    [Fact]
    public async Task EmbeddedStoreLosingAcknowledgements_Answers503_AndRetriesWithTheirKeysApplyEachDepositExactlyOnce()
    {
        await using var service = await EmbeddedService.StartAsync(withIdempotencyKeys: true);
        var (store, load) = (service.Store, service.Load);

        store.Fault = StoreFault.LostAcknowledgement;
        var lost = await Task.WhenAll(Enumerable.Range(1, 12).Select(n => load.DepositAsync(RetryRequests.NewKey(), n * 0.01m)));
        store.Fault = StoreFault.None;
        var retried = await Task.WhenAll(lost.Select(a => load.DepositAsync(a.Key, a.Amount)));

        Assert.All(lost, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.All(lost, a => Assert.True(a.HasRetryAfter));
        Assert.All(retried, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        await service.HoldsExactlyAsync([.. lost.Select(a => a.Amount)]);
    }

    [Fact]
    public async Task CommandAwaitingTheStore_WhenTheWriteBeforeItFails_IsRefused_AndTheFailedDepositNeverLands()
    {
        await using var service = await EmbeddedService.StartAsync(withIdempotencyKeys: false);
        var (store, load) = (service.Store, service.Load);

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
        await service.HoldsExactlyAsync([]);

        Assert.Equal(HttpStatusCode.OK, (await load.DepositAsync(key, 2.00m)).Status);
        await service.HoldsExactlyAsync([2.00m]);
    }

    /// <summary>
    /// The service on the embedded store behind a <see cref="FaultInjectingAccountStore"/>, a signed-up user, an empty
    /// account of theirs and a deposit load on it. Disposing it stops the service and deletes its data.
    /// </summary>
    private sealed class EmbeddedService(NVelopesApiFactory factory, FaultInjectingAccountStore store, ApiUser user, string accountId, DepositLoad load)
        : IAsyncDisposable
    {
        public FaultInjectingAccountStore Store { get; } = store;

        public DepositLoad Load { get; } = load;

        public static async Task<EmbeddedService> StartAsync(bool withIdempotencyKeys)
        {
            var store = new FaultInjectingAccountStore();
            var factory = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
            {
                ConfigureTestServices = store.DecorateIn,
            };
            var user = await factory.SignUpAndLogInAsync();
            var accountId = await user.OpenAccountAsync(0.00m);
            return new EmbeddedService(factory, store, user, accountId, new DepositLoad(user.Client, accountId, withIdempotencyKeys));
        }

        public Task HoldsExactlyAsync(IReadOnlyList<decimal> deposits) =>
            OutageAssertions.AccountHoldsExactlyAsync(user.Client, accountId, deposits);

        public async ValueTask DisposeAsync()
        {
            await factory.DisposeAsync();
            TestDirectories.TryDelete(factory.DataDirectory);
        }
    }
}
