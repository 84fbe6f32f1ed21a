using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.Runtime;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// The API as an Orleans client (<c>Api:Orleans=Client</c>) of a silo cluster on MongoDB: it finds the gateways in
/// the membership table, serves the whole flow from the silos' grains, and adds no silo of its own.
/// </summary>
[Collection(MongoDbServerCollection.Name)]
public sealed class ApiClientModeTests(MongoDbServerFixture server)
{
    [SkippableFact]
    public async Task Api_AsClientOfTheSiloCluster_ServesSignupTokenDepositAndReadBack_WithoutJoiningAsSilo()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await using var cluster = await MongoDbTestCluster.StartAsync(server, silos: 2);
        await using var api = new ClusterClientApi(cluster);
        var http = api.CreateClient();

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

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
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var opened = await http.PostAsJsonAsync("/accounts/new", new { name = "Everyday", opening_balance = 10.10m, can_go_negative = false });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var accountId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("AccountId").GetString();
        using var deposited = await http.PostAsJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "pay", amount = 0.20m });
        Assert.Equal(HttpStatusCode.OK, deposited.StatusCode);

        var account = await http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}");
        Assert.Equal(10.30m, account.GetProperty("balance").GetDecimal());
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
    }

    /// <summary>
    /// The real API host, configured as a client of <paramref name="cluster"/>. The factory finds the entry point
    /// through any type of the API assembly; <c>Program</c> itself is ambiguous here, as the silo has one too.
    /// </summary>
    private sealed class ClusterClientApi(MongoDbTestCluster cluster) : WebApplicationFactory<NVelopes.Api.Errors.NVelopesExceptionHandler>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Api:Orleans", "Client");
            builder.UseSetting("Cluster:Provider", "MongoDB");
            builder.UseSetting("ConnectionStrings:MongoDB", cluster.ConnectionString);
            builder.UseSetting("Orleans:ClusterId", cluster.Cluster.Options.ClusterId);
            builder.UseSetting("Orleans:ServiceId", cluster.Cluster.Options.ServiceId);
            builder.UseSetting("Jwt:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            // A client has no store of its own; this keeps the Development key file out of the working directory.
            builder.UseSetting("Storage:DataDirectory", Path.Combine(Path.GetTempPath(), "nvelopes-cluster-tests", Guid.NewGuid().ToString("N")));
        }
    }
}
