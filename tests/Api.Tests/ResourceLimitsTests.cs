using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.Tests;

/// <summary>What one account and one user may hold: past a limit the answer is 400 with the limit in its detail.</summary>
[Collection(ApiCollection.Name)]
public sealed class ResourceLimitsTests(ApiFixture fixture)
{
    [Fact]
    public async Task AddEnvelopes_PastTheLimit_Returns400WithTheLimitAndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        await user.Client.PostJsonAsync("/accounts/envelopes/add",
            new { account_id = accountId, envelopes = Names(AccountLimits.EnvelopesPerAccount - 1) }).OkJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var refused = await user.Client.PostJsonAsync("/accounts/envelopes/addsingle", new { account_id = accountId, envelope = "One more" });

        Assert.Contains($"at most {AccountLimits.EnvelopesPerAccount} envelopes", await refused.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task AddPayer_PastTheLimit_Returns400WithTheLimitAndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        for (var i = 0; i < AccountLimits.PaymentSourcesPerAccount; i++)
            await user.Client.PostJsonAsync("/accounts/payers/add", new { account_id = accountId, payer = $"Payer {i}", amount = 10m }).OkJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var refused = await user.Client.PostJsonAsync("/accounts/payers/add", new { account_id = accountId, payer = "One more", amount = 10m });

        Assert.Contains($"at most {AccountLimits.PaymentSourcesPerAccount} payment sources", await refused.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task AddPayer_SplitPastTheLimit_Returns400WithTheLimitAndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(0m, Names(AccountLimits.SplitsPerPayment + 1));
        var before = await user.Client.SnapshotAsync(accountId);
        var payments = Enumerable.Range(1, AccountLimits.SplitsPerPayment + 1).Select(id => new { envelope_id = id, amount = 1m }).ToArray();

        using var refused = await user.Client.PostJsonAsync("/accounts/payers/add", new { account_id = accountId, payer = "ACME Ltd.", amount = 1000m, payments });

        Assert.Contains($"at most {AccountLimits.SplitsPerPayment} envelopes", await refused.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task OpenAccount_ManyAtOnce_OpensExactlyTheLimit_AndClosingOneMakesRoom()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        const int attempts = AccountLimits.OpenAccountsPerOwner + 10;

        var answers = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i =>
            user.Client.PostJsonAsync("/accounts/new", new { name = $"Account {i}", opening_balance = 1m, can_go_negative = false })));

        Assert.Equal(AccountLimits.OpenAccountsPerOwner, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            Assert.Contains($"at most {AccountLimits.OpenAccountsPerOwner} open accounts", await refused.ReadProblemAsync(HttpStatusCode.BadRequest));
        var open = (await user.Client.GetJsonAsync("/accounts")).AsArray();
        Assert.Equal(AccountLimits.OpenAccountsPerOwner, open.Count);

        using (await user.Client.DeleteAsync($"/accounts/{open[0]!["account_id"]!.GetValue<string>()}")) { }
        await user.Client.PostJsonAsync("/accounts/new", new { name = "After closing one", opening_balance = 1m }).OkJsonAsync();
        foreach (var answer in answers) answer.Dispose();
    }

    [Fact]
    public async Task OpenAccount_RetriedWithItsKeyAtTheLimit_GetsTheFirstAnswer()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        for (var i = 1; i < AccountLimits.OpenAccountsPerOwner; i++) await user.OpenAccountAsync(name: $"Account {i}");
        var key = RetryRequests.NewKey();
        var body = new { name = "The last one", opening_balance = 1m };
        var first = await user.Client.PostJsonAsync("/accounts/new", body, key).OkJsonAsync();

        var retried = await user.Client.PostJsonAsync("/accounts/new", body, key).OkJsonAsync();

        Assert.Equal(first.ToJsonString(), retried.ToJsonString());
    }

    [Fact]
    public async Task OpenApi_StatesTheLimits()
    {
        var document = JsonNode.Parse(await fixture.Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var schemas = document["components"]!["schemas"]!;
        var envelopes = schemas["AddEnvelopesRequest"]!["properties"]!["envelopes"]!;
        Assert.Equal(AccountLimits.EnvelopesPerAccount - 1, envelopes["maxItems"]!.GetValue<int>());
        Assert.Equal(Text.MaximumNameLength, envelopes["items"]!["maxLength"]!.GetValue<int>());
        foreach (var request in new[] { "AddPayerRequest", "UpdatePayerRequest", "PayRequest" })
            Assert.Equal(AccountLimits.SplitsPerPayment, schemas[request]!["properties"]!["payments"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(Text.MaximumNameLength, schemas["NewAccountRequest"]!["properties"]!["name"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(Text.MaximumDescriptionLength, schemas["MovementRequest"]!["properties"]!["description"]!["maxLength"]!.GetValue<int>());
        var paths = document["paths"]!;
        Assert.Contains($"at most {AccountLimits.OpenAccountsPerOwner} open accounts", paths["/accounts/new"]!["post"]!["description"]!.GetValue<string>());
        Assert.Contains($"at most {AccountLimits.EnvelopesPerAccount} envelopes", paths["/accounts/envelopes/add"]!["post"]!["description"]!.GetValue<string>());
        Assert.Contains($"at most {AccountLimits.PaymentSourcesPerAccount} payment sources", paths["/accounts/payers/add"]!["post"]!["description"]!.GetValue<string>());
        Assert.Contains("429", paths["/accounts/deposit"]!["post"]!["responses"]!.AsObject().Select(r => r.Key));
    }

    private static string[] Names(int count) => [.. Enumerable.Range(1, count).Select(i => $"Envelope {i}")];
}
