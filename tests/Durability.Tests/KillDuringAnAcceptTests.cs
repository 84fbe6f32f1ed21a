using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NVelopes.TestSupport;

namespace NVelopes.Durability.Tests;

/// <summary>
/// kill -9 of the service in the middle of an accept, between its two writes (the invitee's list of accounts, then
/// the account's members), held at that point by <c>Testing:PauseAt</c>. After a restart on the same store nothing
/// is half-shared: killed after the list was written, the account is neither listed nor shared and the invitation
/// still waits, to be accepted again; killed after the account recorded the member, the account is listed with its
/// role, and the retried accept answers the same.
/// </summary>
public sealed class KillDuringAnAcceptTests
{
    private const string Password = "a long enough password";
    private const string PauseAtSetting = "Testing__PauseAt";

    [SkippableTheory]
    [InlineData("accept-after-listed")]
    [InlineData("accept-after-joined")]
    public async Task KillDuringAnAccept_OnMongoDB_LeavesNothingHalfShared(string pausePoint)
    {
        var server = await MongoDbTestServer.GetAsync();
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await KillDuringAnAcceptAsync(pausePoint, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "MongoDB",
            ["ConnectionStrings__MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("durability_accept")),
        });
    }

    [Theory]
    [InlineData("accept-after-listed")]
    [InlineData("accept-after-joined")]
    public async Task KillDuringAnAccept_OnTheEmbeddedStore_LeavesNothingHalfShared(string pausePoint)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-durability-" + Guid.NewGuid().ToString("N"));
        try
        {
            await KillDuringAnAcceptAsync(pausePoint, new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__DataDirectory"] = dataDirectory,
            });
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task KillDuringAnAcceptAsync(string pausePoint, Dictionary<string, string> deployment)
    {
        var (keySetting, signingKey) = ServiceProcess.NewSigningKey();
        deployment[keySetting] = signingKey;
        string accountId, invitationId;
        HttpClient owner, invitee;
        string inviteeName;
        await using (var first = new ServiceProcess(new Dictionary<string, string>(deployment) { [PauseAtSetting] = pausePoint }))
        {
            await first.StartAsync();
            (owner, _) = await SignedInAsync(first.BaseAddress);
            (invitee, inviteeName) = await SignedInAsync(first.BaseAddress);
            using var opened = await owner.PostAsJsonAsync("/accounts/new", new { name = "Household", opening_balance = 25 });
            accountId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["AccountId"]!.GetValue<string>();
            using var invited = await owner.PostAsJsonAsync($"/accounts/{accountId}/invitations", new { username = inviteeName, role = "editor" });
            invited.EnsureSuccessStatusCode();
            invitationId = (await invited.Content.ReadFromJsonAsync<JsonObject>())!["invitation_id"]!.GetValue<string>();

            var accepting = invitee.PostAsync($"/invitations/{invitationId}/accept", null);
            await WaitForAsync(() => first.Output.Contains(pausePoint, StringComparison.Ordinal), first);
            Assert.False(accepting.IsCompleted, "The accept answered although the service holds it at the pause point.");
            await first.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => accepting);
        }

        await using var second = new ServiceProcess(deployment);
        await second.StartAsync();
        owner = Rebased(owner, second.BaseAddress);
        invitee = Rebased(invitee, second.BaseAddress);

        if (pausePoint == "accept-after-listed")
        {
            // The list was written, the account was not: not listed, not a member, and the invitation still waits.
            Assert.Empty(await AccountIdsAsync(invitee));
            Assert.Equal(["owner"], await MemberRolesAsync(owner, accountId));
            Assert.Equal([invitationId], (await invitee.GetFromJsonAsync<JsonArray>("/users/me/invitations"))!.Select(i => i!["invitation_id"]!.GetValue<string>()));
            using var refused = await invitee.GetAsync($"/accounts/{accountId}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        else
        {
            // The account recorded the member: listed with the role, and no invitation left.
            Assert.Equal([accountId], await AccountIdsAsync(invitee));
            Assert.Equal(["owner", "editor"], await MemberRolesAsync(owner, accountId));
            Assert.Empty((await invitee.GetFromJsonAsync<JsonArray>("/users/me/invitations"))!);
        }

        // Accepting again (a retry of the lost answer) completes the share either way, exactly once.
        using var accepted = await invitee.PostAsync($"/invitations/{invitationId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("editor", (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["role"]!.GetValue<string>());
        Assert.Equal([accountId], await AccountIdsAsync(invitee));
        Assert.Equal(["owner", "editor"], await MemberRolesAsync(owner, accountId));
        var changes = (await owner.GetFromJsonAsync<JsonObject>($"/accounts/{accountId}/changes?since=0"))!["changes"]!.AsArray();
        Assert.Single(changes, c => c!["kind"]!.GetValue<string>() == "member_joined");
        using var deposit = await invitee.PostAsJsonAsync("/accounts/deposit", new { account_id = accountId, envelope_id = 0, description = "in", amount = 1 });
        Assert.Equal(HttpStatusCode.OK, deposit.StatusCode);
    }

    private static async Task<string[]> AccountIdsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonArray>("/accounts"))!.Select(a => a!["account_id"]!.GetValue<string>())];

    private static async Task<string[]> MemberRolesAsync(HttpClient client, string accountId) =>
        [.. (await client.GetFromJsonAsync<JsonArray>($"/accounts/{accountId}/members"))!.Select(m => m!["role"]!.GetValue<string>())];

    private static async Task WaitForAsync(Func<bool> condition, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The pause point was not reached:\n{service.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>The same user's client against the restarted service: the token outlives the process.</summary>
    private static HttpClient Rebased(HttpClient client, Uri baseAddress)
    {
        var rebased = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        rebased.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        client.Dispose();
        return rebased;
    }

    private static async Task<(HttpClient Client, string Username)> SignedInAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var username = "sharer" + Guid.NewGuid().ToString("N")[..10];
        using var signup = await client.PostAsJsonAsync("/users/signup", new
        {
            full_name = "Household Tester", username, email = username + "@example.com", password = Password,
        });
        signup.EnsureSuccessStatusCode();
        using var token = await client.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = Password,
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (client, username);
    }
}
