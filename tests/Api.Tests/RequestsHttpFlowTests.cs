using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>The original's requests.http, request by request, against the real gateway.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestsHttpFlowTests(ApiFixture fixture)
{
    [Fact]
    public async Task OriginalFlow_EndToEnd_LeavesExactBalancesAndHistory()
    {
        var anonymous = fixture.Factory.CreateClient();
        var username = "joeb" + Guid.NewGuid().ToString("N")[..8];
        Assert.False((await anonymous.GetJsonAsync($"/users/exists/{username}")).GetValue<bool>());

        using var signup = await anonymous.PostJsonAsync("/users/signup", new
        {
            full_name = "Joe Bloggs",
            username,
            email = "joebloggs@somewhere.com",
            password = "secret-enough",
        });
        var userId = (await signup.ReadJsonAsync()).GetValue<string>();
        Assert.True((await anonymous.GetJsonAsync($"/users/exists/{username}")).GetValue<bool>());

        var token = await fixture.Factory.LogInAsync(username, "secret-enough");
        var client = fixture.Factory.CreateClient(token);

        var me = await client.GetJsonAsync("/users/me");
        Assert.Equal(username, me["username"]!.GetValue<string>());
        Assert.Equal("joebloggs@somewhere.com", me["email"]!.GetValue<string>());
        Assert.Equal("Joe Bloggs", me["full_name"]!.GetValue<string>());
        Assert.False(me["disabled"]!.GetValue<bool>());

        using var opened = await client.PostJsonAsync("/accounts/new", new
        {
            name = "BanksRUs Current Account",
            opening_balance = 100.00m,
            can_go_negative = false,
        });
        var openedBody = (await opened.ReadJsonAsync()).AsObject();
        Assert.Equal(["AccountId", "Account", "Status", "Balance"], openedBody.Select(p => p.Key));
        Assert.Equal("BanksRUs Current Account", openedBody["Account"]!.GetValue<string>());
        Assert.Equal("Opened", openedBody["Status"]!.GetValue<string>());
        Assert.Equal(100.00m, openedBody["Balance"].Decimal());
        var id = openedBody["AccountId"]!.GetValue<string>();

        async Task<JsonNode> Post(string path, object body)
        {
            using var response = await client.PostJsonAsync(path, body);
            return await response.ReadJsonAsync();
        }

        var added = await Post("/accounts/envelopes/add", new { account_id = id, envelopes = new[] { "Shopping", "Mortgage", "Loans", "Car" } });
        Assert.Equal(["Available", "Shopping", "Mortgage", "Loans", "Car"],
            added["envelopes"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Null(added["transaction"]);

        await Post("/accounts/envelopes/addsingle", new { account_id = id, envelope = "Holiday Fund" });
        var renamed = await Post("/accounts/envelopes/rename", new { account_id = id, envelope_id = 5, new_name = "Savings" });
        Assert.Equal("Savings", renamed["envelopes"]![5]!["name"]!.GetValue<string>());

        var moved = await Post("/accounts/movemoney", new { account_id = id, from_id = 0, to_id = 4, description = "need some cash for the car", amount = 60.00m });
        Assert.Equal(40.00m, moved.EnvelopeBalance(0));
        Assert.Equal(60.00m, moved.EnvelopeBalance(4));
        Assert.Equal(100.00m, moved["balance"].Decimal());
        Assert.Equal("MOVE", moved["transaction"]!["op"]!.GetValue<string>());

        var deposited = await Post("/accounts/deposit", new { account_id = id, envelope_id = 1, description = "for shopping", amount = 500.00m });
        Assert.Equal(600.00m, deposited["balance"].Decimal());

        var debited = await Post("/accounts/debit", new { account_id = id, envelope_id = 4, description = "MOT", amount = 55.00m });
        Assert.Equal(545.00m, debited["balance"].Decimal());
        Assert.Equal(5.00m, debited.EnvelopeBalance(4));

        await Post("/accounts/payers/add", new
        {
            account_id = id,
            payer = "Umbrella Corporation",
            amount = 2000.00m,
            payments = new object[]
            {
                new { envelope_id = 1, amount = 800 }, new { envelope_id = 2, amount = 750 },
                new { envelope_id = 3, amount = 200 }, new { envelope_id = 4, amount = 200 },
            },
        });
        await Post("/accounts/payers/add", new { account_id = id, payer = "Massive Dynamic", amount = 1000.00m, payments = Array.Empty<object>() });
        var updated = await Post("/accounts/payers/update", new
        {
            account_id = id,
            payment_source_id = 0,
            payer = "Umbrella Corporation",
            amount = 2025.00m,
            payments = new object[]
            {
                new { envelope_id = 1, amount = 800 }, new { envelope_id = 2, amount = 750 },
                new { envelope_id = 3, amount = 200 }, new { envelope_id = 4, amount = 100 },
                new { envelope_id = 5, amount = 150 },
            },
        });
        Assert.Equal(2025.00m, updated["paysources"]![0]!["amount"].Decimal());
        Assert.Equal(545.00m, updated["balance"].Decimal());

        var paid = await Post("/accounts/pay", new
        {
            account_id = id,
            payment_source_id = 0,
            payer = "Umbrella Corporation",
            amount = 2105.00m,
            description = "Pay day!",
            payments = new object[]
            {
                new { envelope_id = 1, amount = 800 }, new { envelope_id = 2, amount = 750 },
                new { envelope_id = 3, amount = 200 }, new { envelope_id = 4, amount = 100 },
                new { envelope_id = 5, amount = 100 },
            },
        });
        Assert.Equal(2650.00m, paid["balance"].Decimal());
        Assert.Equal(195.00m, paid.EnvelopeBalance(0)); // 40 + the 155 the split left over

        var paidAgain = await Post("/accounts/pay", new
        {
            account_id = id, payment_source_id = 1, payer = "Massive Dyanmic", amount = 1000.00m, description = "Pay day 2!", payments = Array.Empty<object>(),
        });
        Assert.Equal(3650.00m, paidAgain["balance"].Decimal());
        Assert.Equal(1195.00m, paidAgain.EnvelopeBalance(0));

        await Post("/accounts/envelopes/rename", new { account_id = id, envelope_id = 0, new_name = "Spare" });
        var undone = await Post("/accounts/transactions/undo", new { account_id = id });
        Assert.Equal(2650.00m, undone["balance"].Decimal());

        var account = await client.GetJsonAsync($"/accounts/{id}");
        Assert.Equal(id, account["account_id"]!.GetValue<string>());
        Assert.Equal("BanksRUs Current Account", account["name"]!.GetValue<string>());
        Assert.Equal(2650.00m, account["balance"].Decimal());
        var expected = new (int Id, string Name, decimal Balance)[]
        {
            (0, "Spare", 195.00m), (1, "Shopping", 1300.00m), (2, "Mortgage", 750.00m),
            (3, "Loans", 200.00m), (4, "Car", 105.00m), (5, "Savings", 100.00m),
        };
        var envelopes = await client.GetJsonAsync($"/accounts/{id}/envelopes/list");
        foreach (var listed in new[] { account["envelopes"]!, envelopes })
        {
            Assert.Equal(expected, listed.AsArray().Select(e =>
                (e!["id"]!.GetValue<int>(), e["name"]!.GetValue<string>(), e["balance"].Decimal())));
        }

        var paysources = await client.GetJsonAsync($"/accounts/{id}/paysources/list");
        Assert.Equal(account["paysources"]!.ToJsonString(), paysources.ToJsonString());
        Assert.Equal(2, paysources.AsArray().Count);
        Assert.Equal("Umbrella Corporation", paysources[0]!["payer"]!.GetValue<string>());
        Assert.Equal(
            [(1, 800m), (2, 750m), (3, 200m), (4, 100m), (5, 150m)],
            paysources[0]!["envelopes"]!.AsArray().Select(s => (s!["id"]!.GetValue<int>(), s["amount"].Decimal())));
        Assert.Equal(1, paysources[1]!["id"]!.GetValue<int>());
        Assert.Empty(paysources[1]!["envelopes"]!.AsArray());

        var history = (await client.GetJsonAsync($"/accounts/{id}/transactions/0/5")).AsArray();
        Assert.Equal([0L, 1L, 2L, 3L, 4L], history.Select(t => t!["tx_id"]!.GetValue<long>()));
        Assert.Equal(["DEPOSIT", "MOVE", "DEPOSIT", "DEBIT", "PAY"], history.Select(t => t!["op"]!.GetValue<string>()));
        Assert.Equal([100.00m, 60.00m, 500.00m, -55.00m, 2105.00m], history.Select(t => t!["amount"].Decimal()));
        Assert.Equal([100.00m, 100.00m, 600.00m, 545.00m, 2650.00m], history.Select(t => t!["account_balance"].Decimal()));
        Assert.Equal(["Available", "Available -> Car", "Shopping", "Car", ""], history.Select(t => t!["envelope"]!.GetValue<string>()));
        Assert.Equal("Account Opened", history[0]!["description"]!.GetValue<string>());
        Assert.Equal("Umbrella Corporation - Pay day!", history[4]!["description"]!.GetValue<string>());
        Assert.Equal((0, 4), (history[1]!["envelope_id_src"]!.GetValue<int>(), history[1]!["envelope_id_dest"]!.GetValue<int>()));
        Assert.Equal(-1, history[2]!["envelope_id_dest"]!.GetValue<int>());
        Assert.Equal(5, history[4]!["pay_envelopes"]!.AsArray().Count);
        Assert.All(history, t =>
        {
            Assert.Equal(userId, t!["owner_id"]!.GetValue<string>());
            Assert.Equal(id, t["account_id"]!.GetValue<string>());
            var date = t["date"]!.GetValue<string>();
            Assert.EndsWith("Z", date);
            Assert.True(DateTimeOffset.Parse(date) > DateTimeOffset.UtcNow.AddHours(-1));
        });

        Assert.Empty((await client.GetJsonAsync($"/accounts/{id}/transactions/1/5")).AsArray());
    }
}
