using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MongoDB.Driver;
using NVelopes.Observability.Tests.Infrastructure;
using NVelopes.TestSupport;

namespace NVelopes.Observability.Tests;

/// <summary>
/// <c>/health/ready</c> answers for the store and the cluster, with each check's status as JSON; <c>/health/live</c>
/// only for the process, so a store outage takes the service out of rotation without getting it restarted.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class HealthTests
{
    /// <summary>The store check's own timeout is 5 s; the answer must come within it, plus slack for a busy machine.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Ready_WithTheStoreReachable_ReportsEachCheckHealthy()
    {
        await using var factory = new ObservedApiFactory();

        var (status, body) = await GetHealthAsync(factory, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.Equal("The sqlite account store answered.", body["checks"]!["store"]!["description"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["orleans"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_WhenTheSqliteDataDirectoryIsGone_ReportsTheStoreUnhealthy_WhileLiveStaysHealthy()
    {
        await using var factory = new ObservedApiFactory();
        Assert.Equal(HttpStatusCode.OK, (await GetHealthAsync(factory, "/health/ready")).Status);

        Directory.Delete(factory.DataDirectory, recursive: true);
        SqliteConnection.ClearAllPools(); // pooled connections would keep reading the deleted file
        var clock = Stopwatch.StartNew();
        var (status, body) = await GetHealthAsync(factory, "/health/ready");
        clock.Stop();
        var (liveStatus, live) = await GetHealthAsync(factory, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["orleans"]!["status"]!.GetValue<string>());
        Assert.True(clock.Elapsed < AnswerWithin, $"Readiness took {clock.Elapsed} to answer.");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live["status"]!.GetValue<string>());
        Assert.Empty(live["checks"]!.AsObject());
    }

    [SkippableFact]
    public async Task Ready_WhenMongoDbStopsAnswering_ReportsTheStoreUnhealthyWithinTheTimeout()
    {
        var server = await MongoDbTestServer.GetAsync();
        Skip.If(server.ConnectionString is null, server.SkipReason);
        var target = new MongoUrl(server.ConnectionString).Servers.First();
        await using var relay = new TcpProxy(target.Host, target.Port);
        var throughRelay = new MongoUrlBuilder(server.ConnectionString)
        {
            Server = new MongoServerAddress("127.0.0.1", relay.Port),
            Scheme = MongoDB.Driver.Core.Configuration.ConnectionStringScheme.MongoDB,
            DirectConnection = true,
            ReplicaSetName = null,
            DatabaseName = MongoDbTestServer.NewDatabaseName("health"),
        }.ToString();
        await using var factory = new ObservedApiFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDB",
            ["ConnectionStrings:MongoDB"] = throughRelay,
            ["Storage:MongoDB:OperationTimeout"] = "00:00:02",
        });
        var (healthyStatus, healthy) = await GetHealthAsync(factory, "/health/ready");
        Assert.True(healthyStatus == HttpStatusCode.OK, healthy.ToJsonString());

        relay.Cut();
        var clock = Stopwatch.StartNew();
        var (status, body) = await GetHealthAsync(factory, "/health/ready");
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.Equal("The mongodb account store did not answer.", body["checks"]!["store"]!["description"]!.GetValue<string>());
        Assert.True(clock.Elapsed < AnswerWithin, $"Readiness took {clock.Elapsed} to answer.");
    }

    [Fact]
    public async Task Ready_WithoutJsonInTheAcceptHeader_AnswersTheStatusWordForProbes()
    {
        await using var factory = new ObservedApiFactory();

        using var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetHealthAsync(ObservedApiFactory factory, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
