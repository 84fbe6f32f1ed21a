using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Tests;

/// <summary>What operators and tools see: health, the OpenAPI document and Swagger UI.</summary>
[Collection(ApiCollection.Name)]
public sealed class ServiceTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthyWithoutToken(string path)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConfigurationFile_ChangedWhileRunning_IsNotReloaded()
    {
        // The data directory usually lies under the content root: a watched file would wake on every durable write.
        var contentRoot = NVelopesApiFactory.NewDataDirectory();
        var settingsFile = Path.Combine(contentRoot, "appsettings.json");
        await File.WriteAllTextAsync(settingsFile, """{ "Probe": "as started" }""");
        await using var service = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
            .WithWebHostBuilder(host => host.UseContentRoot(contentRoot));
        var configuration = service.Services.GetRequiredService<IConfiguration>();
        Assert.Equal("as started", configuration["Probe"]);

        await File.WriteAllTextAsync(settingsFile, """{ "Probe": "changed on disk" }""");
        await Task.Delay(TimeSpan.FromSeconds(2)); // well past the file watcher's debounce

        Assert.Equal("as started", configuration["Probe"]);
        TestDirectories.TryDelete(contentRoot);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRoute_AndLogsInThroughTokenWithThePasswordFlow()
    {
        var client = fixture.Factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        using var ui = await client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal("/token", document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["password"]!["tokenUrl"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/users/signup", "/users/exists/{username}", "/users/me", "/token", "/accounts", "/accounts/new",
                "/accounts/{id}", "/accounts/{id}/envelopes/list", "/accounts/{id}/paysources/list",
                "/accounts/{id}/transactions/{page}/{size}", "/accounts/envelopes/add", "/accounts/envelopes/addsingle",
                "/accounts/envelopes/rename", "/accounts/payers/add", "/accounts/payers/update", "/accounts/movemoney",
                "/accounts/deposit", "/accounts/debit", "/accounts/atm", "/accounts/pay", "/accounts/transactions/undo",
                "/accounts/transactions/redo", "/accounts/{id}/changes", "/accounts/{id}/events", "/accounts/{id}/events/ticket",
                "/accounts/{id}/invitations", "/accounts/{id}/invitations/{invitationId}", "/accounts/{id}/members",
                "/accounts/{id}/members/{username}", "/users/me/invitations", "/invitations/{invitationId}/accept",
                "/invitations/{invitationId}/decline",
            },
            paths);
        var kinds = document["components"]!["schemas"]!["ChangeResponse"]!["properties"]!["kind"]!["enum"]!.AsArray();
        Assert.Contains("money_moved", kinds.Select(k => k!.GetValue<string>()));
        Assert.Equal(NVelopes.Grains.Abstractions.Accounts.ChangeKinds.All.Order(), kinds.Select(k => k!.GetValue<string>()).Order());
        Assert.Contains("403", document["paths"]!["/accounts/deposit"]!["post"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains("403", document["paths"]!["/accounts/{id}/members/{username}"]!["put"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains("text/event-stream", document["paths"]!["/accounts/{id}/events"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.NotNull(document["paths"]!["/accounts/{id}/events"]!["get"]!["security"]);
        Assert.NotNull(document["paths"]!["/accounts/deposit"]!["post"]!["security"]);
        // Public routes say so with one empty requirement: no token is sent to them.
        Assert.Equal("[{}]", document["paths"]!["/users/signup"]!["post"]!["security"]!.ToJsonString());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/no/such/route");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
