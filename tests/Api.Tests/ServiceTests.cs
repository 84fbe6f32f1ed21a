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
    public void ConfigurationFiles_AreReadOnceNotWatched()
    {
        var configuration = (IConfigurationRoot)fixture.Factory.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file} is watched for changes"));
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
        Assert.Equal(ChangeKinds.All, kinds.Select(k => k!.GetValue<string>()));
        Assert.Contains("403", document["paths"]!["/accounts/deposit"]!["post"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains("403", document["paths"]!["/accounts/{id}/members/{username}"]!["put"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains("text/event-stream", document["paths"]!["/accounts/{id}/events"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.NotNull(document["paths"]!["/accounts/{id}/events"]!["get"]!["security"]);
        Assert.NotNull(document["paths"]!["/accounts/deposit"]!["post"]!["security"]);
        Assert.Null(document["paths"]!["/users/signup"]!["post"]!["security"]);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/no/such/route");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
