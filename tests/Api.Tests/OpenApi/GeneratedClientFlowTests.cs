using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.Client;
using NVelopes.Client.Models;
using NVelopes.Client.Token;

namespace NVelopes.Api.Tests.OpenApi;

/// <summary>
/// The original's requests.http flow through the client generated from docs/openapi.json only: the proof that the
/// description is complete enough to build a client from (routes, bodies, form log-in, answers, money as decimals).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientFlowTests(ApiFixture fixture)
{
    [Fact]
    public async Task RequestsHttpFlow_ThroughTheGeneratedClient_LeavesExactBalancesAndHistory()
    {
        var anonymous = Client(new AnonymousAuthenticationProvider());
        var username = "joeb" + Guid.NewGuid().ToString("N")[..8];
        Assert.False(await anonymous.Users.Exists[username].GetAsync());

        var userId = await anonymous.Users.Signup.PostAsync(new SignupRequest
        {
            FullName = "Joe Bloggs", Username = username, Email = "joebloggs@somewhere.com", Password = "secret-enough",
        });
        Assert.True(await anonymous.Users.Exists[username].GetAsync());

        var token = await anonymous.Token.PostAsync(new TokenPostRequestBody { GrantType = TokenPostRequestBody_grant_type.Password, Username = username, Password = "secret-enough" });
        Assert.Equal("bearer", token!.TokenType);
        var client = Client(new BearerToken(token.AccessToken!));

        var me = await client.Users.Me.GetAsync();
        Assert.Equal((username, "joebloggs@somewhere.com", "Joe Bloggs", false), (me!.Username, me.Email, me.FullName, me.Disabled));

        var opened = await client.Accounts.New.PostAsync(new NewAccountRequest { Name = "BanksRUs Current Account", OpeningBalance = 100.00m, CanGoNegative = false });
        Assert.Equal(("BanksRUs Current Account", "Opened", 100.00m), (opened!.Account, opened.Status, opened.Balance));
        var id = opened.AccountId!;

        var added = await client.Accounts.Envelopes.Add.PostAsync(new AddEnvelopesRequest { AccountId = id, Envelopes = ["Shopping", "Mortgage", "Loans", "Car"] });
        Assert.Equal(["Available", "Shopping", "Mortgage", "Loans", "Car"], added!.Envelopes!.Select(e => e.Name));
        Assert.Null(added.Transaction);

        await client.Accounts.Envelopes.Addsingle.PostAsync(new AddEnvelopeRequest { AccountId = id, Envelope = "Holiday Fund" });
        var renamed = await client.Accounts.Envelopes.Rename.PostAsync(new RenameEnvelopeRequest { AccountId = id, EnvelopeId = 5, NewName = "Savings" });
        Assert.Equal("Savings", renamed!.Envelopes![5].Name);

        var moved = await client.Accounts.Movemoney.PostAsync(new MoveMoneyRequest { AccountId = id, FromId = 0, ToId = 4, Description = "need some cash for the car", Amount = 60.00m });
        Assert.Equal((40.00m, 60.00m, 100.00m), (moved!.Envelopes![0].Balance, moved.Envelopes[4].Balance, moved.Balance));
        Assert.Equal(TransactionResponse_op.MOVE, moved.Transaction!.Op);

        var deposited = await client.Accounts.Deposit.PostAsync(new MovementRequest { AccountId = id, EnvelopeId = 1, Description = "for shopping", Amount = 500.00m });
        Assert.Equal(600.00m, deposited!.Balance);
        var debited = await client.Accounts.Debit.PostAsync(new MovementRequest { AccountId = id, EnvelopeId = 4, Description = "MOT", Amount = 55.00m });
        Assert.Equal((545.00m, 5.00m), (debited!.Balance, debited.Envelopes![4].Balance));

        await client.Accounts.Payers.Add.PostAsync(new AddPayerRequest
        {
            AccountId = id, Payer = "Umbrella Corporation", Amount = 2000.00m, Payments = Split((1, 800), (2, 750), (3, 200), (4, 200)),
        });
        await client.Accounts.Payers.Add.PostAsync(new AddPayerRequest { AccountId = id, Payer = "Massive Dynamic", Amount = 1000.00m, Payments = [] });
        var updated = await client.Accounts.Payers.Update.PostAsync(new UpdatePayerRequest
        {
            AccountId = id, PaymentSourceId = 0, Payer = "Umbrella Corporation", Amount = 2025.00m,
            Payments = Split((1, 800), (2, 750), (3, 200), (4, 100), (5, 150)),
        });
        Assert.Equal((2025.00m, 545.00m), (updated!.Paysources![0].Amount, updated.Balance));

        var paid = await client.Accounts.Pay.PostAsync(new PayRequest
        {
            AccountId = id, PaymentSourceId = 0, Payer = "Umbrella Corporation", Amount = 2105.00m, Description = "Pay day!",
            Payments = Split((1, 800), (2, 750), (3, 200), (4, 100), (5, 100)),
        });
        Assert.Equal((2650.00m, 195.00m), (paid!.Balance, paid.Envelopes![0].Balance));
        var paidAgain = await client.Accounts.Pay.PostAsync(new PayRequest
        {
            AccountId = id, PaymentSourceId = 1, Payer = "Massive Dyanmic", Amount = 1000.00m, Description = "Pay day 2!", Payments = [],
        });
        Assert.Equal((3650.00m, 1195.00m), (paidAgain!.Balance, paidAgain.Envelopes![0].Balance));

        await client.Accounts.Envelopes.Rename.PostAsync(new RenameEnvelopeRequest { AccountId = id, EnvelopeId = 0, NewName = "Spare" });
        var undone = await client.Accounts.Transactions.Undo.PostAsync(new UndoRequest { AccountId = id });
        Assert.Equal(2650.00m, undone!.Balance);
        Assert.Equal((5L, TransactionResponse_op.PAY, 1000.00m), (undone.Transaction!.TxId, undone.Transaction.Op, undone.Transaction.Amount));

        var account = await client.Accounts[id].GetAsync();
        Assert.Equal((id, "BanksRUs Current Account", 2650.00m), (account!.AccountId, account.Name, account.Balance));
        (int?, string?, decimal?)[] expected =
            [(0, "Spare", 195.00m), (1, "Shopping", 1300.00m), (2, "Mortgage", 750.00m), (3, "Loans", 200.00m), (4, "Car", 105.00m), (5, "Savings", 100.00m)];
        Assert.Equal(expected, account.Envelopes!.Select(e => (e.Id, e.Name, e.Balance)));
        Assert.Equal(expected, (await client.Accounts[id].Envelopes.List.GetAsync())!.Select(e => (e.Id, e.Name, e.Balance)));

        var paysources = (await client.Accounts[id].Paysources.List.GetAsync())!;
        Assert.Equal(["Umbrella Corporation", "Massive Dynamic"], paysources!.Select(p => p.Payer));
        Assert.Equal([(1, 800m), (2, 750m), (3, 200m), (4, 100m), (5, 150m)], paysources[0]!.Envelopes!.Select(s => (s!.Id ?? -1, s.Amount ?? 0)));
        Assert.Empty(paysources[1]!.Envelopes!);

        var history = (await client.Accounts[id].Transactions[0][5].GetAsync())!;
        Assert.Equal([0L, 1L, 2L, 3L, 4L], history.Select(t => t.TxId ?? -1));
        Assert.Equal([TransactionResponse_op.DEPOSIT, TransactionResponse_op.MOVE, TransactionResponse_op.DEPOSIT, TransactionResponse_op.DEBIT, TransactionResponse_op.PAY],
            history.Select(t => t.Op ?? default));
        Assert.Equal([100.00m, 60.00m, 500.00m, -55.00m, 2105.00m], history.Select(t => t.Amount ?? 0));
        Assert.Equal([100.00m, 100.00m, 600.00m, 545.00m, 2650.00m], history.Select(t => t.AccountBalance ?? 0));
        Assert.Equal(["Available", "Available -> Car", "Shopping", "Car", ""], history.Select(t => t.Envelope));
        Assert.Equal("Umbrella Corporation - Pay day!", history[4].Description);
        Assert.Equal(5, history[4].PayEnvelopes!.Count);
        Assert.All(history, t =>
        {
            Assert.Equal((userId, id), (t!.OwnerId, t.AccountId));
            Assert.Equal(TimeSpan.Zero, t!.Date!.Value.Offset);
            Assert.True(t.Date > DateTimeOffset.UtcNow.AddHours(-1));
        });
        Assert.Empty((await client.Accounts[id].Transactions[1][5].GetAsync())!);
    }

    private NVelopesClient Client(IAuthenticationProvider authentication)
    {
        var http = fixture.Factory.CreateClient();
        return new NVelopesClient(new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
    }

    private static List<PaymentRequest> Split(params (int Envelope, decimal Amount)[] lines) =>
        [.. lines.Select(line => new PaymentRequest { EnvelopeId = line.Envelope, Amount = line.Amount })];

    /// <summary>The bearer token <c>POST /token</c> gave, on every request.</summary>
    private sealed class BearerToken(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        }
    }
}
