using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.TestSupport;

namespace NVelopes.Api.Tests;

/// <summary>
/// The account's log through the gateway: the changes list (the audit trail and a device's delta sync), redo, the
/// version in the account body, and the event stream with its resume and its tickets.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventLogTests(ApiFixture fixture)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Changes_ListEveryEventOldestFirst_UndoAndRedoIncluded_WithActorAndIdempotency()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        using (var keyed = new HttpRequestMessage(HttpMethod.Post, "/accounts/deposit"))
        {
            keyed.Content = JsonContent(new { account_id = accountId, envelope_id = 1, description = "gift", amount = 5.25m });
            keyed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            await user.Client.SendAsync(keyed).OkJsonAsync();
        }
        await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId }).OkJsonAsync();
        await user.Client.PostJsonAsync("/accounts/transactions/redo", new { account_id = accountId }).OkJsonAsync();

        var changes = await user.Client.GetJsonAsync($"/accounts/{accountId}/changes");

        var list = changes["changes"]!.AsArray();
        Assert.Equal(["account_opened", "envelopes_added", "deposited", "undone", "redone"], list.Select(c => c!["kind"]!.GetValue<string>()));
        Assert.Equal([1L, 2, 3, 4, 5], list.Select(c => c!["version"]!.GetValue<long>()));
        Assert.Equal(5L, changes["version"]!.GetValue<long>());
        Assert.False(changes["more"]!.GetValue<bool>());
        Assert.All(list, c => Assert.Equal(user.UserId, c!["actor"]!.GetValue<string>()));
        Assert.Equal([false, false, true, false, false], list.Select(c => c!["idempotent"]!.GetValue<bool>()));
        Assert.Equal(5.25m, list[2]!["transaction"]!["amount"].Decimal());
        Assert.Equal("DEPOSIT", list[3]!["transaction"]!["op"]!.GetValue<string>()); // the undone one, in the history's shape
        Assert.Equal("Food", list[1]!["envelopes"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changes_Since_AndLimit_PageThroughTheLog()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        for (var i = 1; i <= 4; i++) await user.DepositAsync(accountId, 0, i).OkJsonAsync();

        var page = await user.Client.GetJsonAsync($"/accounts/{accountId}/changes?since=2&limit=2");

        Assert.Equal([3L, 4], page["changes"]!.AsArray().Select(c => c!["version"]!.GetValue<long>()));
        Assert.True(page["more"]!.GetValue<bool>());
        Assert.Equal(5L, page["version"]!.GetValue<long>());
        var end = await user.Client.GetJsonAsync($"/accounts/{accountId}/changes?since=5");
        Assert.Empty(end["changes"]!.AsArray());
        Assert.False(end["more"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("since=-1")]
    public async Task Changes_OutOfRange_Is400WithTheReason(string query)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();

        using var response = await user.Client.GetAsync($"/accounts/{accountId}/changes?{query}");

        var detail = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(query.Split('=')[0], detail);
    }

    [Fact]
    public async Task Changes_OfSomeoneElsesAccount_Is404()
    {
        var owner = await fixture.Factory.SignUpAndLogInAsync();
        var stranger = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();

        using var response = await stranger.Client.GetAsync($"/accounts/{accountId}/changes");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Redo_AfterTwoUndos_RestoresNewestUndoFirst_WithTheSameIds_ThenIsRefused()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        await user.DepositAsync(accountId, 1, 1.00m, "one").OkJsonAsync();
        await user.DepositAsync(accountId, 1, 2.00m, "two").OkJsonAsync();
        var whole = await user.Client.SnapshotAsync(accountId, withVersion: false);
        for (var i = 0; i < 2; i++)
            await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId }).OkJsonAsync();

        using var first = await user.Client.PostJsonAsync("/accounts/transactions/redo", new { account_id = accountId });
        var firstTx = (await first.ReadJsonAsync())["transaction"]!;
        using var second = await user.Client.PostJsonAsync("/accounts/transactions/redo", new { account_id = accountId });
        var after = await second.ReadJsonAsync();
        using var third = await user.Client.PostJsonAsync("/accounts/transactions/redo", new { account_id = accountId });

        Assert.Equal(("one", 1L), (firstTx["description"]!.GetValue<string>(), firstTx["tx_id"]!.GetValue<long>()));
        Assert.Equal(("two", 2L), (after["transaction"]!["description"]!.GetValue<string>(), after["transaction"]!["tx_id"]!.GetValue<long>()));
        Assert.Equal(whole, await user.Client.SnapshotAsync(accountId, withVersion: false));
        Assert.Contains("Nothing to redo", await third.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Redo_AfterANewTransaction_Is400_AndChangesNothing()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(50.00m);
        await user.DepositAsync(accountId, 0, 1.00m).OkJsonAsync();
        await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId }).OkJsonAsync();
        await user.DepositAsync(accountId, 0, 3.00m).OkJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var redo = await user.Client.PostJsonAsync("/accounts/transactions/redo", new { account_id = accountId });

        Assert.Contains("until a new transaction", await redo.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Undo_AnswersWithTheTransactionItUndid()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(50.00m);
        await user.DepositAsync(accountId, 0, 7.77m, "mistake").OkJsonAsync();

        using var undo = await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId });
        var undone = await undo.ReadJsonAsync();

        Assert.Equal(("mistake", 7.77m), (undone["transaction"]!["description"]!.GetValue<string>(), undone["transaction"]!["amount"].Decimal()));
        Assert.Equal(50.00m, undone["balance"].Decimal());
    }

    [Fact]
    public async Task AccountBody_CarriesTheVersion_ThatTheETagNames()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        using var deposit = await user.DepositAsync(accountId, 0, 1.00m);
        var deposited = await deposit.ReadJsonAsync();

        using var response = await user.Client.GetAsync($"/accounts/{accountId}");
        var account = await response.ReadJsonAsync();

        Assert.Equal(2L, deposited["version"]!.GetValue<long>());
        Assert.Equal(2L, account["version"]!.GetValue<long>());
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Stream_FromAVersion_SendsTheEventsAfterIt_ThenLiveOnes_AndResumesWithLastEventId()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        for (var i = 1; i <= 3; i++) await user.DepositAsync(accountId, 0, i).OkJsonAsync();

        using (var stream = await OpenStreamAsync(user.Client, $"/accounts/{accountId}/events?since=2"))
        {
            var caughtUp = await stream.Reader.ReadAsync(2, StreamTimeout);
            Assert.Equal(["3", "4"], caughtUp.Select(e => e.Id));
            Assert.All(caughtUp, e => Assert.Equal("deposited", e.Event));
            Assert.Equal(3L, JsonNode.Parse(caughtUp[0].Data)!["version"]!.GetValue<long>());

            await user.DepositAsync(accountId, 0, 9.99m).OkJsonAsync();
            var live = Assert.Single(await stream.Reader.ReadAsync(1, StreamTimeout));
            Assert.Equal(("5", "deposited"), (live.Id, live.Event));
            Assert.Equal(9.99m, JsonNode.Parse(live.Data)!["transaction"]!["amount"].Decimal());
        }

        // Dropped after 5; two more events while away; the reconnect names 5 and gets exactly 6 and 7.
        await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId }).OkJsonAsync();
        await user.Client.PostJsonAsync("/accounts/transactions/redo", new { account_id = accountId }).OkJsonAsync();
        using var resumed = await OpenStreamAsync(user.Client, $"/accounts/{accountId}/events", lastEventId: "5");
        var missed = await resumed.Reader.ReadAsync(2, StreamTimeout);
        Assert.Equal([("6", "undone"), ("7", "redone")], missed.Select(e => (e.Id, e.Event)));
        await user.DepositAsync(accountId, 0, 1.00m).OkJsonAsync();
        Assert.Equal("8", Assert.Single(await resumed.Reader.ReadAsync(1, StreamTimeout)).Id);
    }

    [Fact]
    public async Task Stream_EndsWithAccountClosed()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        using var stream = await OpenStreamAsync(user.Client, $"/accounts/{accountId}/events?since=1");

        (await user.Client.DeleteAsync($"/accounts/{accountId}")).EnsureSuccessStatusCode();

        var closed = Assert.Single(await stream.Reader.ReadAsync(1, StreamTimeout));
        Assert.Equal(("2", "account_closed"), (closed.Id, closed.Event));
        using var deadline = new CancellationTokenSource(StreamTimeout);
        Assert.Null(await stream.Reader.ReadAsync(deadline.Token));
    }

    [Fact]
    public async Task Stream_WithATicket_OpensWithoutAHeader_OnlyForItsAccount_AndTheTicketIsNoAccessToken()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var otherAccountId = await user.OpenAccountAsync();
        using var issued = await user.Client.PostAsync($"/accounts/{accountId}/events/ticket", null);
        var ticket = await issued.ReadJsonAsync();
        Assert.Equal(60, ticket["expires_in"]!.GetValue<int>());
        var value = Uri.EscapeDataString(ticket["ticket"]!.GetValue<string>());
        var anonymous = fixture.Factory.CreateClient();

        using (var stream = await OpenStreamAsync(anonymous, $"/accounts/{accountId}/events?ticket={value}"))
            Assert.Equal("account_opened", Assert.Single(await stream.Reader.ReadAsync(1, StreamTimeout)).Event);

        using var elsewhere = await anonymous.GetAsync($"/accounts/{otherAccountId}/events?ticket={value}", HttpCompletionOption.ResponseHeadersRead);
        await elsewhere.ReadProblemAsync(HttpStatusCode.NotFound);
        var asBearer = fixture.Factory.CreateClient(Uri.UnescapeDataString(value));
        using var otherRoute = await asBearer.GetAsync($"/accounts/{accountId}");
        Assert.Equal(HttpStatusCode.Unauthorized, otherRoute.StatusCode);
        using var noTicket = await anonymous.GetAsync($"/accounts/{accountId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, noTicket.StatusCode);
    }

    [Fact]
    public async Task Stream_WithASignedTicketNamingNoAccount_Is401()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var now = DateTime.UtcNow;
        var ticket = Tokens.Create(fixture.Factory.SigningKey, user.UserId, username: null, now, now.AddMinutes(1),
            audience: NVelopesApiFactory.Audience + "/feed");

        using var response = await fixture.Factory.CreateClient()
            .GetAsync($"/accounts/{accountId}/events?ticket={Uri.EscapeDataString(ticket)}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Contains("'feed_account'", await response.ReadProblemAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Stream_WithALastEventIdThatIsNoVersion_Is400()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{accountId}/events");
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Contains("Last-Event-ID", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Ticket_ForSomeoneElsesAccount_Is404()
    {
        var owner = await fixture.Factory.SignUpAndLogInAsync();
        var stranger = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();

        using var response = await stranger.Client.PostAsync($"/accounts/{accountId}/events/ticket", null);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task<OpenStream> OpenStreamAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new OpenStream(response, new ServerSentEventReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed record OpenStream(HttpResponseMessage Response, ServerSentEventReader Reader) : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Response.Dispose();
        }
    }
}
