using System.Net;
using MongoDB.Driver;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.TestSupport;
using Xunit.Abstractions;

namespace NVelopes.Api.Tests;

/// <summary>
/// MongoDB going away under load without stopping the shared server: a TCP proxy between the service and MongoDB cuts
/// every connection and leaves new ones unanswered, then restores them. Requests fail fast with 503 and Retry-After,
/// the service recovers by itself, and retrying each unanswered deposit with its idempotency key leaves the account
/// with every deposit exactly once.
/// <para>
/// A commit cut after its writes reached the server leaves an open server-side transaction that holds the account's
/// document until the server aborts it (<c>transactionLifetimeLimitSeconds</c>, 60 s by default): until then the
/// account answers 503, so recovery is awaited for that long.
/// </para>
/// </summary>
public sealed class MongoDbOutageTests(ITestOutputHelper output)
{
    private const int Clients = 6;
    private static readonly TimeSpan MongoDbTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TransactionLifetimeLimit = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task MongoDbConnectionsCutUnderLoad_Answer503FastThenRecover_AndRetriesWithTheirKeysLoseAndDoubleNothing()
    {
        var server = await MongoDbTestServer.GetAsync();
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var target = MongoUrl.Create(server.ConnectionString).Servers.First();
        await using var proxy = new TcpProxy(target.Host, target.Port);
        var databaseName = MongoDbTestServer.NewDatabaseName("api_outage");
        // The server advertises its replica-set address, so the driver must talk to the proxy directly.
        var throughProxy = new MongoUrlBuilder(server.ConnectionStringFor(databaseName))
        {
            Server = new MongoServerAddress("127.0.0.1", proxy.Port),
            DirectConnection = true,
            ReplicaSetName = null,
        }.ToString();
        await using var factory = Started(() => new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
        {
            Settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "MongoDB",
                ["ConnectionStrings:MongoDB"] = throughProxy,
                ["Storage:MongoDB:OperationTimeout"] = MongoDbTimeout.ToString(),
            },
        });
        try
        {
            var user = await factory.SignUpAndLogInAsync();
            var accountId = await user.OpenAccountAsync(0.00m);
            var load = new DepositLoad(user.Client, accountId, withIdempotencyKeys: true);
            using var stop = new CancellationTokenSource();

            var running = load.RunAsync(Clients, stop.Token);
            await Task.Delay(1000);
            proxy.Cut();
            var cutAt = load.Now;
            await Task.Delay(MongoDbTimeout * 3);
            proxy.Restore();
            var restoredAt = load.Now;
            await load.WaitForSuccessAfterAsync(restoredAt, TransactionLifetimeLimit + TimeSpan.FromSeconds(30));
            output.WriteLine($"Deposits succeeded again {load.Attempts.Where(a => a.Status == HttpStatusCode.OK && a.StartedAt > restoredAt).Min(a => a.StartedAt + a.Elapsed) - restoredAt} after the connections came back.");
            await stop.CancelAsync();
            await running;

            // A cut can drop the acknowledgement of a commit that landed: the store holds at least what was
            // acknowledged and at most what was sent, and retrying each unanswered deposit with its key settles it.
            OutageAssertions.FailedFastWith503(load, cutAt, restoredAt, MongoDbTimeout * 3 + TimeSpan.FromSeconds(5));
            var sent = load.Attempts.ToList();
            var balance = (await user.Client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal();
            Assert.InRange(balance, sent.Where(a => a.Status == HttpStatusCode.OK).Sum(a => a.Amount), sent.Sum(a => a.Amount));
            foreach (var unanswered in sent.Where(a => a.Status != HttpStatusCode.OK))
                Assert.Equal(HttpStatusCode.OK, (await OutageAssertions.RetryUntilAnsweredAsync(load, unanswered)).Status);
            await OutageAssertions.AccountHoldsExactlyAsync(user.Client, accountId, [.. sent.Select(a => a.Amount)]);
        }
        finally
        {
            using var client = new MongoClient(server.ConnectionStringFor(databaseName));
            await client.DropDatabaseAsync(databaseName);
            TestDirectories.TryDelete(factory.DataDirectory);
        }
    }

    /// <summary>
    /// A started service. With a timeout as short as this test's, creating the store's indexes at start-up can time out
    /// on a busy machine; that start failed cleanly, so the test starts another.
    /// </summary>
    private static NVelopesApiFactory Started(Func<NVelopesApiFactory> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            var factory = create();
            try
            {
                _ = factory.Server;
                return factory;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                factory.Dispose();
                TestDirectories.TryDelete(factory.DataDirectory);
            }
        }
    }
}
