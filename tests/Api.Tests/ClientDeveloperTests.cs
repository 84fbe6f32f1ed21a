using System.Net;
using System.Text.RegularExpressions;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>What a client developer meets first: reasons they can act on, money as money, methods as HTTP means them.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ClientDeveloperTests(ApiFixture fixture)
{
    [Fact]
    public async Task ExpiredToken_Returns401_SayingWhenItExpired_InIso8601Utc()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var expires = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var expired = Tokens.Create(fixture.Factory.SigningKey, user.UserId, user.Username, notBefore: expires.AddHours(-1), expires: expires);

        using var response = await fixture.Factory.CreateClient(expired).GetAsync("/users/me");

        Assert.Equal("The token expired at 2026-01-02T03:04:05Z: log in again at /token.", await response.ReadProblemAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task FailedLogIn_CarriesTheOAuth2ErrorFields_BesideTheProblemDetails()
    {
        using var response = await fixture.Factory.CreateClient().PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "nobody" + Guid.NewGuid().ToString("N")[..8], ["password"] = "wrong-password",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("invalid_grant", "Incorrect username or password", "Incorrect username or password"),
            (body["error"]!.GetValue<string>(), body["error_description"]!.GetValue<string>(), body["detail"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("GET", "/accounts/new")]
    [InlineData("DELETE", "/accounts/new")]
    [InlineData("GET", "/accounts/deposit")]
    public async Task WrongMethod_OnALiteralAccountRoute_Returns405(string method, string path)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();

        using var response = await user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Money_IsAnsweredWithTwoDecimals_EvenWhenSentAsAWholeNumber()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100m, "Groceries");

        using var added = await user.Client.PostRawJsonAsync("/accounts/payers/add",
            $$"""{"account_id":"{{accountId}}","payer":"ACME","amount":2000,"payments":[{"envelope_id":1,"amount":750}]}""");
        var text = await added.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("\"amount\":750.00", text, StringComparison.Ordinal);
        Assert.Contains("\"amount\":2000.00", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(WholeMoney(), text);
    }

    [Fact]
    public async Task Pay_WithAPayerThatIsNotTheSources_RecordsThatName_AndAppliesTheSourcesStoredSplit()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(0m, "Groceries");
        await user.Client.PostJsonAsync("/accounts/payers/add", new
        {
            account_id = accountId, payer = "Massive Dynamic", amount = 1000.00m, payments = new[] { new { envelope_id = 1, amount = 300.00m } },
        }).OkJsonAsync();

        var relabelled = await user.Client.PostJsonAsync("/accounts/pay",
            new { account_id = accountId, payment_source_id = 0, payer = "Massive Dyanmic", amount = 1000.00m, description = "Pay day" }).OkJsonAsync();
        var unnamed = await user.Client.PostJsonAsync("/accounts/pay",
            new { account_id = accountId, payment_source_id = 0, payer = (string?)null, amount = 1000.00m, description = "Pay day 2" }).OkJsonAsync();

        Assert.Equal("Massive Dyanmic - Pay day", relabelled["transaction"]!["description"]!.GetValue<string>());
        Assert.Equal("Massive Dynamic - Pay day 2", unnamed["transaction"]!["description"]!.GetValue<string>());
        Assert.Equal((1400.00m, 600.00m), (unnamed.EnvelopeBalance(0), unnamed.EnvelopeBalance(1))); // the stored split, both times
        Assert.Equal("Massive Dynamic", unnamed["paysources"]![0]!["payer"]!.GetValue<string>()); // the source keeps its name
    }

    // A JSON number that is a whole number: money is never answered so.
    [GeneratedRegex(@"""(amount|balance|account_balance)"":-?\d+[,}\]]")]
    private static partial Regex WholeMoney();
}
