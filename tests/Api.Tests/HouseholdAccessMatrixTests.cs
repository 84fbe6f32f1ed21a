using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Every route of an account × every kind of caller: owner, editor, viewer, invited (not accepted), removed and
/// stranger. Non-members get the very 404 an account that does not exist gets; members without the role a 403
/// naming it; and a refusal changes nothing (the account, its history, its log, its members and invitations are
/// read back). The routes come from one table, which a test holds against the service's own endpoints, so a new
/// account route fails here until it is given its role.
/// </summary>
public abstract class HouseholdAccessMatrixTests
{
    public enum Caller { Stranger, Invited, Removed, Viewer, Editor, Owner }

    private enum Needs { Viewer = Caller.Viewer, Editor = Caller.Editor, Owner = Caller.Owner }

    /// <summary>What a route's request needs to be built against one shared account.</summary>
    /// <param name="ScheduleIds">Two schedules, so that each caller allowed to remove one (editor, owner) has its own.</param>
    private sealed record Household(string AccountId, string InvitationId, string SpareMember, int[] ScheduleIds, int Call)
    {
        public int ScheduleOfThisCall => ScheduleIds[Call % ScheduleIds.Length];
    }

    private sealed record AccountRoute(string Method, string Pattern, Needs Needs, HttpStatusCode Success, Func<Household, HttpRequestMessage> Request)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
    private static HttpRequestMessage Delete(string path) => new(HttpMethod.Delete, path);
    private static HttpRequestMessage Post(string path, object? body = null) =>
        new(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };

    private static readonly AccountRoute[] Routes =
    [
        new("GET", "/accounts/{id}", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}")),
        new("DELETE", "/accounts/{id}", Needs.Owner, HttpStatusCode.NoContent, h => Delete($"/accounts/{h.AccountId}")),
        new("GET", "/accounts/{id}/envelopes/list", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/envelopes/list")),
        new("GET", "/accounts/{id}/paysources/list", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/paysources/list")),
        new("GET", "/accounts/{id}/transactions/{page}/{size}", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/transactions/0/10")),
        new("GET", "/accounts/{id}/changes", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/changes?since=0")),
        new("POST", "/accounts/{id}/events/ticket", Needs.Viewer, HttpStatusCode.OK, h => Post($"/accounts/{h.AccountId}/events/ticket")),
        new("GET", "/accounts/{id}/events", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/events?since=0")),
        new("POST", "/accounts/envelopes/add", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/envelopes/add", new { account_id = h.AccountId, envelopes = new[] { $"Added {h.Call}" } })),
        new("POST", "/accounts/envelopes/addsingle", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/envelopes/addsingle", new { account_id = h.AccountId, envelope = $"Single {h.Call}" })),
        new("POST", "/accounts/envelopes/rename", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/envelopes/rename", new { account_id = h.AccountId, envelope_id = 1, new_name = $"Food {h.Call}" })),
        new("POST", "/accounts/payers/add", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/payers/add", new { account_id = h.AccountId, payer = $"Payer {h.Call}", amount = 10m, payments = Array.Empty<object>() })),
        new("POST", "/accounts/payers/update", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/payers/update", new
            {
                account_id = h.AccountId, payment_source_id = 0, payer = "Acme", amount = 60m, payments = new[] { new { envelope_id = 1, amount = 5m } },
            })),
        new("POST", "/accounts/movemoney", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/movemoney", new { account_id = h.AccountId, from_id = 0, to_id = 1, description = "move", amount = 1m })),
        new("POST", "/accounts/deposit", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/deposit", new { account_id = h.AccountId, envelope_id = 0, description = "in", amount = 1m })),
        new("POST", "/accounts/debit", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/debit", new { account_id = h.AccountId, envelope_id = 0, description = "out", amount = 1m })),
        new("POST", "/accounts/atm", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/atm", new { account_id = h.AccountId, envelope_id = 0, description = "cash", amount = 1m })),
        new("POST", "/accounts/pay", Needs.Editor, HttpStatusCode.OK,
            h => Post("/accounts/pay", new { account_id = h.AccountId, payment_source_id = 0, payer = "Acme", amount = 50m, description = "pay day" })),
        new("POST", "/accounts/transactions/undo", Needs.Editor, HttpStatusCode.OK, h => Post("/accounts/transactions/undo", new { account_id = h.AccountId })),
        new("POST", "/accounts/transactions/redo", Needs.Editor, HttpStatusCode.OK, h => Post("/accounts/transactions/redo", new { account_id = h.AccountId })),
        new("POST", "/accounts/{id}/invitations", Needs.Owner, HttpStatusCode.OK,
            h => Post($"/accounts/{h.AccountId}/invitations", new { username = $"newcomer{h.Call}", role = "viewer" })),
        new("GET", "/accounts/{id}/invitations", Needs.Owner, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/invitations")),
        new("DELETE", "/accounts/{id}/invitations/{invitationId}", Needs.Owner, HttpStatusCode.NoContent,
            h => Delete($"/accounts/{h.AccountId}/invitations/{h.InvitationId}")),
        new("GET", "/accounts/{id}/members", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/members")),
        new("PUT", "/accounts/{id}/members/{username}", Needs.Owner, HttpStatusCode.OK,
            h => new HttpRequestMessage(HttpMethod.Put, $"/accounts/{h.AccountId}/members/{h.SpareMember}") { Content = JsonContent.Create(new { role = "editor" }) }),
        new("DELETE", "/accounts/{id}/members/{username}", Needs.Owner, HttpStatusCode.NoContent,
            h => Delete($"/accounts/{h.AccountId}/members/{h.SpareMember}")),
        new("POST", "/accounts/{id}/schedules/", Needs.Editor, HttpStatusCode.Created,
            h => Post($"/accounts/{h.AccountId}/schedules/", FutureDebit($"Added {h.Call}"))),
        new("GET", "/accounts/{id}/schedules/", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/schedules/")),
        new("PUT", "/accounts/{id}/schedules/{scheduleId}", Needs.Editor, HttpStatusCode.OK,
            h => new HttpRequestMessage(HttpMethod.Put, $"/accounts/{h.AccountId}/schedules/{h.ScheduleIds[0]}")
            {
                Content = JsonContent.Create(FutureDebit($"Changed {h.Call}")),
            }),
        new("DELETE", "/accounts/{id}/schedules/{scheduleId}", Needs.Editor, HttpStatusCode.NoContent,
            h => Delete($"/accounts/{h.AccountId}/schedules/{h.ScheduleOfThisCall}")),
        new("POST", "/accounts/{id}/import", Needs.Editor, HttpStatusCode.OK, h => new HttpRequestMessage(HttpMethod.Post, $"/accounts/{h.AccountId}/import")
        {
            Content = new MultipartFormDataContent { { new StringContent($"Date,Amount,Description\n2026-11-02,1.00,Statement line {h.Call}\n"), "file", "statement.csv" } },
        }),
        new("GET", "/accounts/{id}/export", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/export")),
        new("GET", "/accounts/{id}/report", Needs.Viewer, HttpStatusCode.OK, h => Get($"/accounts/{h.AccountId}/report?from=2026-01&to=2026-12")),
    ];

    /// <summary>A schedule whose first occurrence is years away, so adding or changing it applies nothing.</summary>
    private static object FutureDebit(string description) =>
        new { kind = "debit", rule = "FREQ=MONTHLY;BYMONTHDAY=1", starts = "2099-01-01", envelope_id = 1, amount = 1m, description };

    /// <summary>A served route's pattern as the table writes it: without the constraints of its parameters.</summary>
    private static string WithoutConstraints(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):\w+\}", "{$1}");

    /// <summary>The routes of the service that are not about one account: listing and opening them.</summary>
    private static readonly string[] NotOfOneAccount = ["GET /accounts/", "POST /accounts/new"];

    public static TheoryData<string> RouteNames() => [.. Routes.Select(r => r.ToString())];

    private readonly Lazy<Task<Dictionary<Caller, ApiUser>>> _users;

    protected HouseholdAccessMatrixTests() => _users = new(SignUpCallersAsync);

    /// <summary>The gateway under test, or null with <see cref="SkipReason"/> when its store is not available.</summary>
    protected abstract NVelopesApiFactory? Factory { get; }

    protected virtual string? SkipReason => null;

    [SkippableFact]
    public void TheTable_NamesEveryAccountRouteOfTheService()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var served = Factory!.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {WithoutConstraints(e.RoutePattern.RawText!)}"))
            .Where(r => r.Split(' ')[1].StartsWith("/accounts", StringComparison.Ordinal))
            .Except(NotOfOneAccount)
            .Order();

        Assert.Equal(served, Routes.Select(r => r.ToString()).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(RouteNames))]
    public async Task EveryCaller_GetsWhatTheirRoleAllows_AndARefusalChangesNothing(string routeName)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var route = Routes.Single(r => r.ToString() == routeName);
        var users = await _users.Value;
        var owner = users[Caller.Owner];
        var household = await ShareAsync(users);
        var call = 0;

        foreach (var caller in Enum.GetValues<Caller>())
        {
            var before = await SnapshotAsync(owner, household.AccountId);
            using var answer = await SendAsync(users[caller], route.Request(household with { Call = ++call }));
            if (caller >= (Caller)route.Needs)
            {
                // The body only when it is not the one expected: the event stream's never ends.
                if (answer.StatusCode != route.Success)
                    Assert.Fail($"{route} as {caller}: expected {(int)route.Success}, got {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                continue;
            }
            if (caller is Caller.Viewer or Caller.Editor)
            {
                var detail = await answer.ReadProblemAsync(HttpStatusCode.Forbidden);
                Assert.Contains($"'{route.Needs.ToString().ToLowerInvariant()}'", detail);
            }
            else
            {
                var detail = await answer.ReadProblemAsync(HttpStatusCode.NotFound);
                // Exactly what the same request for an account that was never opened gets: nothing tells them apart.
                var unknownId = Guid.NewGuid().ToString("N");
                using var unknown = await SendAsync(users[caller], route.Request(household with { AccountId = unknownId, Call = call }));
                Assert.Equal((await unknown.ReadProblemAsync(HttpStatusCode.NotFound)).Replace(unknownId, household.AccountId), detail);
            }
            Assert.Equal(before, await SnapshotAsync(owner, household.AccountId));
        }
    }

    /// <summary>A fresh account of the owner shared with each kind of caller, with what every route's request needs.</summary>
    private async Task<Household> ShareAsync(Dictionary<Caller, ApiUser> users)
    {
        var owner = users[Caller.Owner];
        var accountId = await owner.OpenAccountWithEnvelopesAsync(100m, "Food", "Rent");
        await owner.Client.PostJsonAsync("/accounts/payers/add",
            new { account_id = accountId, payer = "Acme", amount = 50m, payments = new[] { new { envelope_id = 1, amount = 10m } } }).OkJsonAsync();
        for (var i = 0; i < 4; i++) await (await owner.DepositAsync(accountId, 0, 1m)).ReadJsonAsync();
        for (var i = 0; i < 2; i++) await owner.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId }).OkJsonAsync();

        await owner.ShareAsync(accountId, users[Caller.Editor], "editor");
        await owner.ShareAsync(accountId, users[Caller.Viewer], "viewer");
        await owner.ShareAsync(accountId, users[Caller.Removed], "editor");
        await owner.RemoveAsync(accountId, users[Caller.Removed].Username);
        var spare = await Factory!.SignUpAndLogInAsync();
        await owner.ShareAsync(accountId, spare, "viewer");
        var invitationId = await owner.InviteAsync(accountId, users[Caller.Invited].Username, "editor");
        var scheduleIds = new int[2];
        for (var i = 0; i < scheduleIds.Length; i++)
        {
            var added = await owner.Client.PostJsonAsync($"/accounts/{accountId}/schedules/", FutureDebit($"Schedule {i}"));
            scheduleIds[i] = (await added.ReadJsonAsync(HttpStatusCode.Created))["schedule"]!["id"]!.GetValue<int>();
        }
        return new Household(accountId, invitationId, spare.Username, scheduleIds, 0);
    }

    private async Task<Dictionary<Caller, ApiUser>> SignUpCallersAsync()
    {
        var users = new Dictionary<Caller, ApiUser>();
        foreach (var caller in Enum.GetValues<Caller>()) users[caller] = await Factory!.SignUpAndLogInAsync();
        return users;
    }

    /// <summary>Sends and waits for the headers only: the event stream stays open until it is disposed.</summary>
    private static async Task<HttpResponseMessage> SendAsync(ApiUser user, HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri} was not answered within 30 s.");
        }
    }

    /// <summary>All the owner can read of the account: state, history, log, members and pending invitations.</summary>
    private static async Task<string> SnapshotAsync(ApiUser owner, string accountId) =>
        await owner.Client.SnapshotAsync(accountId) + "\n" +
        (await owner.Client.GetJsonAsync($"/accounts/{accountId}/changes?since=0&limit=1000")).ToJsonString() + "\n" +
        (await owner.Client.GetJsonAsync($"/accounts/{accountId}/members")).ToJsonString() + "\n" +
        (await owner.Client.GetJsonAsync($"/accounts/{accountId}/invitations")).ToJsonString();
}

[Collection(ApiCollection.Name)]
public sealed class SqliteHouseholdAccessMatrixTests(ApiFixture fixture) : HouseholdAccessMatrixTests
{
    protected override NVelopesApiFactory? Factory => fixture.Factory;
}

public sealed class MongoDbHouseholdAccessMatrixTests(MongoDbApiFixture fixture) : HouseholdAccessMatrixTests, IClassFixture<MongoDbApiFixture>
{
    protected override NVelopesApiFactory? Factory => fixture.Factory;

    protected override string? SkipReason => fixture.SkipReason;
}
