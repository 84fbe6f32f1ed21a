using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Money through the gateway: exact decimals, signs as the original stored them, and splits as sent.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountMoneyTests(ApiFixture fixture)
{
    [Fact]
    public async Task Deposits_OfPointOneAndPointTwo_AddExactlyPointThree()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");

        (await (await user.DepositAsync(accountId, 1, 0.1m)).ReadJsonAsync()).ToString();
        using var second = await user.DepositAsync(accountId, 1, 0.2m);
        var account = await second.ReadJsonAsync();

        Assert.Equal(100.3m, account["balance"].Decimal());
        Assert.Equal(0.3m, account.EnvelopeBalance(1));
        Assert.Equal("0.30", account["envelopes"]![1]!["balance"]!.ToJsonString()); // exact, and in cents like all money
    }

    [Fact]
    public async Task Debit_And_Atm_AreRecordedAsNegativeAmounts()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(50.00m);

        using var debit = await user.Client.PostJsonAsync("/accounts/debit", new { account_id = accountId, envelope_id = 0, description = "rent", amount = 20.00m });
        using var atm = await user.Client.PostJsonAsync("/accounts/atm", new { account_id = accountId, envelope_id = 0, description = "cash", amount = 5.50m });

        var debitTx = (await debit.ReadJsonAsync())["transaction"]!;
        var atmAccount = await atm.ReadJsonAsync();
        Assert.Equal(("DEBIT", -20.00m), (debitTx["op"]!.GetValue<string>(), debitTx["amount"].Decimal()));
        Assert.Equal(("ATM", -5.50m), (atmAccount["transaction"]!["op"]!.GetValue<string>(), atmAccount["transaction"]!["amount"].Decimal()));
        Assert.Equal(24.50m, atmAccount["balance"].Decimal());
    }

    [Fact]
    public async Task Debit_OnAccountThatCanGoNegative_TakesEnvelopeBelowZero()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        using var opened = await user.Client.PostJsonAsync("/accounts/new", new { name = "Overdraft", opening_balance = 10.00m });
        var accountId = (await opened.ReadJsonAsync())["AccountId"]!.GetValue<string>();

        using var debit = await user.Client.PostJsonAsync("/accounts/debit", new { account_id = accountId, envelope_id = 0, description = "big", amount = 25.00m });

        var account = await debit.ReadJsonAsync();
        Assert.Equal(-15.00m, account["balance"].Decimal());
        Assert.Equal(-15.00m, account.EnvelopeBalance(0));
    }

    [Fact]
    public async Task Pay_WithoutPayments_UsesStoredSplit_AndWithEmptyPayments_PaysAllIntoEnvelopeZero()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(0.00m, "Rent", "Food");
        using var source = await user.Client.PostJsonAsync("/accounts/payers/add", new
        {
            account_id = accountId, payer = "Acme", amount = 1000.00m,
            payments = new[] { new { envelope_id = 1, amount = 600.00m }, new { envelope_id = 2, amount = 300.00m } },
        });
        await source.ReadJsonAsync();

        using var stored = await user.Client.PostJsonAsync("/accounts/pay", new
        {
            account_id = accountId, payment_source_id = 0, payer = "Acme", amount = 1000.00m, description = "June",
        });
        var afterStored = await stored.ReadJsonAsync();
        Assert.Equal((100.00m, 600.00m, 300.00m), (afterStored.EnvelopeBalance(0), afterStored.EnvelopeBalance(1), afterStored.EnvelopeBalance(2)));
        Assert.Equal(2, afterStored["transaction"]!["pay_envelopes"]!.AsArray().Count);
        Assert.Equal("Acme - June", afterStored["transaction"]!["description"]!.GetValue<string>());

        using var empty = await user.Client.PostJsonAsync("/accounts/pay", new
        {
            account_id = accountId, payment_source_id = 0, payer = "Acme", amount = 1000.00m, description = "July", payments = Array.Empty<object>(),
        });
        var afterEmpty = await empty.ReadJsonAsync();
        Assert.Equal((1100.00m, 600.00m, 300.00m), (afterEmpty.EnvelopeBalance(0), afterEmpty.EnvelopeBalance(1), afterEmpty.EnvelopeBalance(2)));
        Assert.Empty(afterEmpty["transaction"]!["pay_envelopes"]!.AsArray());
    }

    [Fact]
    public async Task Undo_RestoresEveryBalance_AndTheNextTransactionReusesTheId()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        using var moved = await user.Client.PostJsonAsync("/accounts/movemoney", new { account_id = accountId, from_id = 0, to_id = 1, description = "groceries", amount = 30.00m });
        await moved.ReadJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId, withVersion: false);
        using var deposit = await user.DepositAsync(accountId, 1, 12.34m);
        Assert.Equal(2L, (await deposit.ReadJsonAsync())["transaction"]!["tx_id"]!.GetValue<long>());

        using var undo = await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId });
        var undone = await undo.ReadJsonAsync();

        Assert.Equal((70.00m, 30.00m, 100.00m), (undone.EnvelopeBalance(0), undone.EnvelopeBalance(1), undone["balance"].Decimal()));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId, withVersion: false));
        using var again = await user.DepositAsync(accountId, 1, 1.00m);
        Assert.Equal(2L, (await again.ReadJsonAsync())["transaction"]!["tx_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetAccount_CarriesAnETagThatChangesWithEveryWrite()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();

        using var first = await user.Client.GetAsync($"/accounts/{accountId}");
        using var deposit = await user.DepositAsync(accountId, 0, 1.00m);
        using var second = await user.Client.GetAsync($"/accounts/{accountId}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(deposit.Headers.ETag, second.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }
}
