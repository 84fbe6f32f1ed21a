using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Refused requests: each answers problem details with a reason, and the account reads back unchanged.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountValidationTests(ApiFixture fixture)
{
    private const string UndoOpeningMessage = "Cannot undo opening transaction. Delete the account instead.";

    [Theory]
    [InlineData("-5.00")]
    [InlineData("0")]
    [InlineData("0.001")]
    [InlineData("1000000000.01")]
    [InlineData("\"5.00\"")]
    [InlineData("null")]
    public async Task Deposit_InvalidAmount_Returns400AndChangesNothing(string amount)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit",
            $$"""{"account_id":"{{accountId}}","envelope_id":1,"description":"bad","amount":{{amount}}}""");

        Assert.Contains("amount", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Deposit_MissingAmount_Returns400AndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/deposit", new { account_id = accountId, envelope_id = 1, description = "no amount" });

        Assert.Contains("amount", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task MalformedJson_Returns400()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit", $$"""{"account_id":"{{accountId}}", "amount": 1""");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddEnvelope_BlankName_Returns400AndChangesNothing(string name)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/envelopes/addsingle", new { account_id = accountId, envelope = name });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task RenameEnvelope_BlankName_Returns400AndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/envelopes/rename", new { account_id = accountId, envelope_id = 0, new_name = " " });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task OpenAccount_BlankName_Returns400AndOpensNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();

        using var response = await user.Client.PostJsonAsync("/accounts/new", new { name = "  ", opening_balance = 10.00m });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await user.Client.GetJsonAsync("/accounts")).AsArray());
    }

    [Fact]
    public async Task Deposit_UnknownEnvelope_Returns404AndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.DepositAsync(accountId, envelopeId: 7, amount: 10.00m);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task AddEnvelope_DuplicateNameInAnyCase_Returns409AndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/envelopes/addsingle", new { account_id = accountId, envelope = " FOOD " });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("/accounts/debit")]
    [InlineData("/accounts/atm")]
    public async Task TakeOut_MoreThanEnvelopeHoldsOnNonNegativeAccount_Returns400AndChangesNothing(string route)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync(route, new { account_id = accountId, envelope_id = 0, description = "too much", amount = 100.01m });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task MoveMoney_MoreThanSourceHolds_Returns400AndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/movemoney", new
        {
            account_id = accountId, from_id = 0, to_id = 1, description = "too much", amount = 150.00m,
        });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Pay_SplitLargerThanAmount_Returns400WithTheOriginalsMessage()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        using var added = await user.Client.PostJsonAsync("/accounts/payers/add", new { account_id = accountId, payer = "Acme", amount = 50.00m });
        await added.ReadJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/pay", new
        {
            account_id = accountId, payment_source_id = 0, payer = "Acme", amount = 10.00m, description = "short",
            payments = new[] { new { envelope_id = 1, amount = 20.00m } },
        });

        Assert.Equal("Payment amount must equal or exceed the sum total of payment source envelopes",
            await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Undo_OfOpening_Returns400WithExactMessageAndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId });

        Assert.Equal(UndoOpeningMessage, await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1001)]
    [InlineData(-1, 10)]
    [InlineData(0, -1)]
    public async Task Transactions_PageOrSizeOutOfRange_Returns400(int page, int size)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();

        using var response = await user.Client.GetAsync($"/accounts/{accountId}/transactions/{page}/{size}");

        Assert.Contains(page < 0 ? "page" : "size", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Transactions_NonNumericPage_Returns400()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();

        using var response = await user.Client.GetAsync($"/accounts/{accountId}/transactions/first/10");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
