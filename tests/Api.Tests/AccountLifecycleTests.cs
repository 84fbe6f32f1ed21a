using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccountLifecycleTests(ApiFixture fixture)
{
    [Fact]
    public async Task Transactions_ArePagedOldestFirst_AndAPagePastTheEndIsEmpty()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(0.00m);
        for (var i = 1; i <= 6; i++)
        {
            using var deposit = await user.DepositAsync(accountId, 0, i, $"deposit {i}");
            await deposit.ReadJsonAsync();
        }

        var pages = new List<long[]>();
        for (var page = 0; page < 4; page++)
        {
            var items = (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/{page}/3")).AsArray();
            pages.Add([.. items.Select(t => t!["tx_id"]!.GetValue<long>())]);
        }

        Assert.Equal([0L, 1L, 2L], pages[0]);
        Assert.Equal([3L, 4L, 5L], pages[1]);
        Assert.Equal([6L], pages[2]);
        Assert.Empty(pages[3]);
        Assert.Empty((await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/1000000/1000")).AsArray());
        var all = (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/1000")).AsArray();
        Assert.Equal(21.00m, all[^1]!["account_balance"].Decimal());
    }

    [Fact]
    public async Task ListAccounts_ShowsOnlyTheCallersOpenAccounts()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var other = await fixture.Factory.SignUpAndLogInAsync();
        var first = await user.OpenAccountAsync(10.00m, name: "Bills");
        var second = await user.OpenAccountAsync(20.00m, name: "Savings");
        await other.OpenAccountAsync(30.00m, name: "Theirs");

        var listed = (await user.Client.GetJsonAsync("/accounts")).AsArray();

        Assert.Equal(
            [(first, "Bills", 10.00m), (second, "Savings", 20.00m)],
            listed.Select(a => (a!["account_id"]!.GetValue<string>(), a["name"]!.GetValue<string>(), a["balance"].Decimal()))
                .OrderBy(a => a.Item2));
    }

    [Fact]
    public async Task Delete_ThenEveryRouteAnswers404_AndTheAccountIsNotListed()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var kept = await user.OpenAccountAsync(5.00m, name: "Kept");

        using var deleted = await user.Client.DeleteAsync($"/accounts/{accountId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        foreach (var path in new[] { "", "/envelopes/list", "/paysources/list", "/transactions/0/10" })
        {
            using var response = await user.Client.GetAsync($"/accounts/{accountId}{path}");
            await response.ReadProblemAsync(HttpStatusCode.NotFound);
        }
        var posts = new (string Route, object Body)[]
        {
            ("/accounts/deposit", new { account_id = accountId, envelope_id = 1, description = "x", amount = 1.00m }),
            ("/accounts/debit", new { account_id = accountId, envelope_id = 0, description = "x", amount = 1.00m }),
            ("/accounts/movemoney", new { account_id = accountId, from_id = 0, to_id = 1, description = "x", amount = 1.00m }),
            ("/accounts/envelopes/addsingle", new { account_id = accountId, envelope = "Later" }),
            ("/accounts/envelopes/rename", new { account_id = accountId, envelope_id = 1, new_name = "Later" }),
            ("/accounts/payers/add", new { account_id = accountId, payer = "Acme", amount = 1.00m }),
            ("/accounts/transactions/undo", new { account_id = accountId }),
        };
        foreach (var (route, body) in posts)
        {
            using var response = await user.Client.PostJsonAsync(route, body);
            await response.ReadProblemAsync(HttpStatusCode.NotFound);
        }
        using var deletedAgain = await user.Client.DeleteAsync($"/accounts/{accountId}");
        await deletedAgain.ReadProblemAsync(HttpStatusCode.NotFound);

        var listed = (await user.Client.GetJsonAsync("/accounts")).AsArray();
        Assert.Equal([kept], listed.Select(a => a!["account_id"]!.GetValue<string>()));
    }
}
