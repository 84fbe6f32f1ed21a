using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Retries and concurrent clients: an <c>Idempotency-Key</c> makes a retried mutation answer what the first one did
/// without applying it again, and <c>If-Match</c> with the <c>ETag</c> keeps a stale view from changing the account.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RetryTests(ApiFixture fixture)
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task Deposit_RetriedWithSameKey_ReturnsTheFirstAnswerAndAppliesOnce()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var key = RetryRequests.NewKey();
        var body = new { account_id = accountId, envelope_id = 1, description = "pay day", amount = 25.50m };

        using var first = await user.Client.PostJsonAsync("/accounts/deposit", body, key);
        using var retry = await user.Client.PostJsonAsync("/accounts/deposit", body, key);

        var firstBody = (await first.ReadJsonAsync()).ToJsonString();
        Assert.Equal(firstBody, (await retry.ReadJsonAsync()).ToJsonString());
        Assert.Equal(first.ETag(), retry.ETag());
        var account = await user.Client.GetJsonAsync($"/accounts/{accountId}");
        Assert.Equal(125.50m, account["balance"].Decimal());
        Assert.Equal(25.50m, account.EnvelopeBalance(1));
        Assert.Equal(2, (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).AsArray().Count);
    }

    [Fact]
    public async Task Deposit_RetryWithReorderedWhitespaceAndUnknownProperties_IsTheSameRequest()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        var key = RetryRequests.NewKey();

        using var first = await PostRawAsync(user.Client, "/accounts/deposit", key,
            $$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"x","amount":1.25}""");
        using var retry = await PostRawAsync(user.Client, "/accounts/deposit", key,
            $$"""{ "amount": 1.25, "description": "x", "envelope_id": 0, "account_id": "{{accountId}}", "client": "v2" }""");

        Assert.Equal((await first.ReadJsonAsync()).ToJsonString(), (await retry.ReadJsonAsync()).ToJsonString());
        Assert.Equal(11.25m, (await user.Client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal());
    }

    [Fact]
    public async Task Deposit_SameKeyWithAnotherBody_Returns422AndChangesNothing()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(100.00m);
        var key = RetryRequests.NewKey();
        using (var first = await user.Client.PostJsonAsync("/accounts/deposit",
                   new { account_id = accountId, envelope_id = 0, description = "first", amount = 1.00m }, key))
            await first.ReadJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var other = await user.Client.PostJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "first", amount = 2.00m }, key);

        Assert.Contains("Idempotency-Key", await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Deposit_SameKeyOnAnotherAccount_IsAppliedThereAsAnotherOperation()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var first = await user.OpenAccountAsync(10.00m);
        var second = await user.OpenAccountAsync(20.00m);
        var key = RetryRequests.NewKey();

        await user.Client.PostJsonAsync("/accounts/deposit", new { account_id = first, envelope_id = 0, description = "a", amount = 1.00m }, key).OkJsonAsync();
        var other = await user.Client.PostJsonAsync("/accounts/deposit",
            new { account_id = second, envelope_id = 0, description = "b", amount = 2.00m }, key).OkJsonAsync();

        Assert.Equal(22.00m, other["balance"].Decimal());
        Assert.Equal(11.00m, (await user.Client.GetJsonAsync($"/accounts/{first}"))["balance"].Decimal());
    }

    [Fact]
    public async Task Deposit_TenConcurrentDuplicates_AreAppliedOnceAndAllGetTheSameAnswer()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(0.00m);
        var key = RetryRequests.NewKey();
        var body = new { account_id = accountId, envelope_id = 0, description = "once", amount = 7.77m };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await user.Client.PostJsonAsync("/accounts/deposit", body, key);
            return ((await response.ReadJsonAsync()).ToJsonString(), response.ETag());
        }));

        Assert.Single(answers.Distinct());
        Assert.Equal(7.77m, (await user.Client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal());
        Assert.Equal(2, (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).AsArray().Count);
    }

    [Fact]
    public async Task EveryMutation_RetriedWithItsKey_AnswersTheSameAndChangesNothingMore()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(500.00m, "Food", "Rent");
        using (var payer = await user.Client.PostJsonAsync("/accounts/payers/add",
                   new { account_id = accountId, payer = "Acme", amount = 100.00m, payments = new[] { new { envelope_id = 1, amount = 10.00m } } }))
            await payer.ReadJsonAsync();

        foreach (var (path, body) in new (string, object)[]
        {
            ("/accounts/envelopes/add", new { account_id = accountId, envelopes = new[] { "Fun", "Car" } }),
            ("/accounts/envelopes/addsingle", new { account_id = accountId, envelope = "Gifts" }),
            ("/accounts/envelopes/rename", new { account_id = accountId, envelope_id = 2, new_name = "Housing" }),
            ("/accounts/payers/add", new { account_id = accountId, payer = "Side gig", amount = 50.00m, payments = Array.Empty<object>() }),
            ("/accounts/payers/update", new { account_id = accountId, payment_source_id = 0, payer = "Acme Ltd", amount = 120.00m, payments = new[] { new { envelope_id = 2, amount = 20.00m } } }),
            ("/accounts/deposit", new { account_id = accountId, envelope_id = 1, description = "d", amount = 5.00m }),
            ("/accounts/debit", new { account_id = accountId, envelope_id = 1, description = "d", amount = 1.00m }),
            ("/accounts/atm", new { account_id = accountId, envelope_id = 0, description = "a", amount = 2.00m }),
            ("/accounts/movemoney", new { account_id = accountId, from_id = 0, to_id = 2, description = "m", amount = 3.00m }),
            ("/accounts/pay", new { account_id = accountId, payment_source_id = 0, payer = "Acme", amount = 120.00m, description = "June" }),
            ("/accounts/transactions/undo", new { account_id = accountId }),
        })
        {
            var key = RetryRequests.NewKey();
            using var first = await user.Client.PostJsonAsync(path, body, key);
            var firstBody = (await first.ReadJsonAsync()).ToJsonString();
            var after = await user.Client.SnapshotAsync(accountId);

            using var retry = await user.Client.PostJsonAsync(path, body, key);

            Assert.Equal(firstBody, (await retry.ReadJsonAsync()).ToJsonString());
            Assert.Equal(after, await user.Client.SnapshotAsync(accountId));
        }
    }

    [Fact]
    public async Task OpenAccount_RetriedWithSameKey_OpensOneAccountAndAnswersItTwice()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var key = RetryRequests.NewKey();
        var body = new { name = "Savings", opening_balance = 50.00m, can_go_negative = false };

        using var first = await user.Client.PostJsonAsync("/accounts/new", body, key);
        using var retry = await user.Client.PostJsonAsync("/accounts/new", body, key);

        var opened = await first.ReadJsonAsync();
        Assert.Equal(opened.ToJsonString(), (await retry.ReadJsonAsync()).ToJsonString());
        Assert.Equal(first.ETag(), retry.ETag());
        var accounts = (await user.Client.GetJsonAsync("/accounts")).AsArray();
        Assert.Equal(opened["AccountId"]!.GetValue<string>(), Assert.Single(accounts)!["account_id"]!.GetValue<string>());
        Assert.Equal(50.00m, accounts[0]!["balance"].Decimal());
    }

    [Fact]
    public async Task OpenAccount_SameKeyWithAnotherBody_Returns422AndOpensNothingMore()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var key = RetryRequests.NewKey();
        using (var first = await user.Client.PostJsonAsync("/accounts/new", new { name = "Savings", opening_balance = 50.00m }, key))
            await first.ReadJsonAsync();

        using var other = await user.Client.PostJsonAsync("/accounts/new", new { name = "Savings", opening_balance = 60.00m }, key);

        await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(50.00m, Assert.Single((await user.Client.GetJsonAsync("/accounts")).AsArray())!["balance"].Decimal());
    }

    [Fact]
    public async Task OpenAccount_RetriedAfterTheAccountWasClosed_Returns409SayingSoAndOpensNothing()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var key = RetryRequests.NewKey();
        var body = new { name = "Short-lived", opening_balance = 5.00m };
        var accountId = (await user.Client.PostJsonAsync("/accounts/new", body, key).OkJsonAsync())["AccountId"]!.GetValue<string>();
        using (var closed = await user.Client.DeleteAsync($"/accounts/{accountId}"))
            Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        using var retry = await user.Client.PostJsonAsync("/accounts/new", body, key);

        Assert.Contains("has since been closed", await retry.ReadProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty((await user.Client.GetJsonAsync("/accounts")).AsArray());
        using var gone = await user.Client.GetAsync($"/accounts/{accountId}");
        await gone.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenAccount_SameKeyFromAnotherUser_OpensTheirOwnAccount()
    {
        var alice = await Factory.SignUpAndLogInAsync();
        var bob = await Factory.SignUpAndLogInAsync();
        var key = RetryRequests.NewKey();
        var body = new { name = "Shared name", opening_balance = 1.00m };

        using var alices = await alice.Client.PostJsonAsync("/accounts/new", body, key);
        using var bobs = await bob.Client.PostJsonAsync("/accounts/new", body, key);

        Assert.NotEqual((await alices.ReadJsonAsync())["AccountId"]!.GetValue<string>(), (await bobs.ReadJsonAsync())["AccountId"]!.GetValue<string>());
        Assert.Single((await alice.Client.GetJsonAsync("/accounts")).AsArray());
        Assert.Single((await bob.Client.GetJsonAsync("/accounts")).AsArray());
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("key with a tab\t")]
    [InlineData("clé")]
    [InlineData(null)] // 201 characters
    public async Task Mutation_MalformedIdempotencyKey_Returns400AndChangesNothing(string? key)
    {
        key ??= new string('k', 201);
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        var before = await user.Client.SnapshotAsync(accountId);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/accounts/deposit")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { account_id = accountId, envelope_id = 0, description = "x", amount = 1.00m }),
        };
        request.Headers.TryAddWithoutValidation(RetryRequests.IdempotencyKey, key);
        using var response = await user.Client.SendAsync(request);

        Assert.Contains("Idempotency-Key", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task ETag_OnReadsAndMutations_IsTheAccountVersionAndMovesWithIt()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);

        using var read = await user.Client.GetAsync($"/accounts/{accountId}");
        using var deposit = await user.DepositAsync(accountId, 0, 1.00m);
        using var reread = await user.Client.GetAsync($"/accounts/{accountId}");
        using var envelopes = await user.Client.GetAsync($"/accounts/{accountId}/envelopes/list");

        Assert.Matches("^\"[0-9]+\"$", read.ETag());
        Assert.NotEqual(read.ETag(), deposit.ETag());
        Assert.Equal(deposit.ETag(), reread.ETag());
        Assert.Equal(deposit.ETag(), envelopes.ETag());
    }

    [Fact]
    public async Task IfMatch_Stale_Returns412AndChangesNothing()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        using var seen = await user.Client.GetAsync($"/accounts/{accountId}");
        using (var otherDevice = await user.DepositAsync(accountId, 0, 1.00m)) await otherDevice.ReadJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var stale = await user.Client.PostJsonAsync("/accounts/debit",
            new { account_id = accountId, envelope_id = 0, description = "stale", amount = 5.00m }, idempotencyKey: null, ifMatch: seen.ETag());

        await stale.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task IfMatch_Current_AppliesAndAnswersTheNextETag()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        using var seen = await user.Client.GetAsync($"/accounts/{accountId}");

        using var current = await user.Client.PostJsonAsync("/accounts/debit",
            new { account_id = accountId, envelope_id = 0, description = "fresh", amount = 5.00m }, idempotencyKey: null, ifMatch: seen.ETag());

        Assert.Equal(5.00m, (await current.ReadJsonAsync())["balance"].Decimal());
        Assert.NotEqual(seen.ETag(), current.ETag());
        using var reread = await user.Client.GetAsync($"/accounts/{accountId}");
        Assert.Equal(current.ETag(), reread.ETag());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("W/\"1\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task IfMatch_Malformed_Returns400AndChangesNothing(string ifMatch)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "x", amount = 1.00m }, idempotencyKey: null, ifMatch: ifMatch);

        Assert.Contains("If-Match", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(RetryRequests.IdempotencyKey, key);
        return client.SendAsync(request);
    }
}
