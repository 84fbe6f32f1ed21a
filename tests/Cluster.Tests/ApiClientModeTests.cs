using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Storage;
using NVelopes.TestSupport;
using Orleans.Runtime;
using Orleans.Storage;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// The API as an Orleans client (<c>Api:Orleans=Client</c>) of a silo cluster on MongoDB: it finds the gateways in
/// the membership table, serves the whole flow from the silos' grains, and starts nothing of a silo (no grain, no
/// store) of its own; two such
/// gateways see one account's log alike.
/// </summary>
[Collection(MongoDbServerCollection.Name)]
public sealed class ApiClientModeTests(MongoDbServerFixture server)
{
    [SkippableFact]
    public async Task Api_AsClientOfTheSiloCluster_ServesSignupTokenDepositAndReadBack_WithoutASiloOrAStoreOfItsOwn()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await using var cluster = await MongoDbTestCluster.StartAsync(server, silos: 2);
        await using var api = new ClusterClientApi(cluster, NewSigningKey());
        var http = api.CreateClient();

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await SignInAsync(http);
        var accountId = await OpenAccountAsync(http);
        await DepositAsync(http, accountId);

        var account = await http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}");
        Assert.Equal(10.30m, account.GetProperty("balance").GetDecimal());
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
        Assert.Null(api.Services.GetService<ILocalSiloDetails>()); // no silo runs in the gateway, so no grain can activate there
        Assert.Null(api.Services.GetService<IAccountStore>());
        Assert.Null(api.Services.GetService<IGrainStorage>());
        Assert.False(Directory.Exists(api.DataDirectory), "a client gateway must not open the embedded store");
    }

    [SkippableFact]
    public async Task EventStream_ThroughOneGateway_WhileWritesGoThroughAnother_ResumesWithLastEventIdExactlyOnce()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await using var cluster = await MongoDbTestCluster.StartAsync(server, silos: 2);
        var signingKey = NewSigningKey();
        await using var feedGateway = new ClusterClientApi(cluster, signingKey);
        await using var writeGateway = new ClusterClientApi(cluster, signingKey);
        var writer = writeGateway.CreateClient();
        var reader = feedGateway.CreateClient();
        reader.DefaultRequestHeaders.Authorization = await SignInAsync(writer);
        var accountId = await OpenAccountAsync(writer);
        for (var i = 0; i < 3; i++) await DepositAsync(writer, accountId);

        using (var stream = await OpenStreamAsync(reader, $"/accounts/{accountId}/events?since=2", lastEventId: null))
        {
            Assert.Equal(["3", "4"], (await stream.Reader.ReadAsync(2, StreamTimeout)).Select(e => e.Id));
            await DepositAsync(writer, accountId);
            Assert.Equal("5", Assert.Single(await stream.Reader.ReadAsync(1, StreamTimeout)).Id); // live, written through the other gateway
        }

        // Away after 5 while the other gateway writes on.
        await DepositAsync(writer, accountId);
        using (var undo = await writer.PostAsJsonAsync("/accounts/transactions/undo", new { account_id = accountId })) undo.EnsureSuccessStatusCode();
        using var resumed = await OpenStreamAsync(reader, $"/accounts/{accountId}/events", lastEventId: "5");
        Assert.Equal([("6", "deposited"), ("7", "undone")], (await resumed.Reader.ReadAsync(2, StreamTimeout)).Select(e => (e.Id, e.Event)));
        using (var redo = await writer.PostAsJsonAsync("/accounts/transactions/redo", new { account_id = accountId })) redo.EnsureSuccessStatusCode();
        var live = Assert.Single(await resumed.Reader.ReadAsync(1, StreamTimeout));
        Assert.Equal(("8", "redone"), (live.Id, live.Event));
    }

    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(20);

    private static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    /// <summary>Signs a new user up and in; the client sends their token from then on, which is also returned.</summary>
    private static async Task<AuthenticationHeaderValue> SignInAsync(HttpClient http)
    {
        var username = "client" + Guid.NewGuid().ToString("N")[..10];
        using var signup = await http.PostAsJsonAsync("/users/signup",
            new { full_name = "Cluster Client", username, email = username + "@example.com", password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.OK, signup.StatusCode);
        using var login = await http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = "correct horse battery",
        }));
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        return http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<string> OpenAccountAsync(HttpClient http)
    {
        using var opened = await http.PostAsJsonAsync("/accounts/new", new { name = "Everyday", opening_balance = 10.10m, can_go_negative = false });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("AccountId").GetString()!;
    }

    private static async Task DepositAsync(HttpClient http, string accountId)
    {
        using var deposited = await http.PostAsJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "pay", amount = 0.20m });
        Assert.Equal(HttpStatusCode.OK, deposited.StatusCode);
    }

    private static async Task<OpenStream> OpenStreamAsync(HttpClient http, string path, string? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new OpenStream(response, new ServerSentEventReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed record OpenStream(HttpResponseMessage Response, ServerSentEventReader Reader) : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Response.Dispose();
        }
    }
}
