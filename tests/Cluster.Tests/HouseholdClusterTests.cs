using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// Roles are checked where the account lives, not at a gateway: with two silos and two API gateways, a removal or
/// a demotion made through one gateway refuses the member's very next write through the other.
/// </summary>
[Collection(MongoDbServerCollection.Name)]
public sealed class HouseholdClusterTests(MongoDbServerFixture server)
{
    private const string Password = "correct horse battery";

    [SkippableFact]
    public async Task ARemovalThroughGatewayA_RefusesTheNextWriteThroughGatewayB_AndADemotionToo()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await using var cluster = await MongoDbTestCluster.StartAsync(server, silos: 2);
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await using var gatewayA = new ClusterClientApi(cluster, signingKey);
        await using var gatewayB = new ClusterClientApi(cluster, signingKey);
        var (owner, _) = await SignInAsync(gatewayA.CreateClient());
        var (editor, editorName) = await SignInAsync(gatewayB.CreateClient());
        var (viewer, viewerName) = await SignInAsync(gatewayB.CreateClient());

        using var opened = await owner.PostAsJsonAsync("/accounts/new", new { name = "Household", opening_balance = 10m, can_go_negative = false });
        var accountId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("AccountId").GetString()!;
        await ShareAsync(owner, editor, accountId, editorName, "editor");
        await ShareAsync(owner, viewer, accountId, viewerName, "editor");
        Assert.Equal(HttpStatusCode.OK, await DepositAsync(editor, accountId));
        Assert.Equal(HttpStatusCode.OK, await DepositAsync(viewer, accountId));

        using (var removed = await owner.DeleteAsync($"/accounts/{accountId}/members/{editorName}"))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using (var demoted = await owner.PutAsJsonAsync($"/accounts/{accountId}/members/{viewerName}", new { role = "viewer" }))
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, await DepositAsync(editor, accountId));
        Assert.Equal(HttpStatusCode.Forbidden, await DepositAsync(viewer, accountId));
        var account = await owner.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}");
        Assert.Equal(10.40m, account.GetProperty("balance").GetDecimal()); // the two deposits made before, nothing after
        using var list = await editor.GetAsync("/accounts");
        Assert.Equal(0, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    private static async Task ShareAsync(HttpClient owner, HttpClient member, string accountId, string username, string role)
    {
        using var invited = await owner.PostAsJsonAsync($"/accounts/{accountId}/invitations", new { username, role });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitation_id").GetString();
        using var accepted = await member.PostAsync($"/invitations/{invitationId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private static async Task<HttpStatusCode> DepositAsync(HttpClient http, string accountId)
    {
        using var deposited = await http.PostAsJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "groceries", amount = 0.20m });
        return deposited.StatusCode;
    }

    private static async Task<(HttpClient Client, string Username)> SignInAsync(HttpClient http)
    {
        var username = "member" + Guid.NewGuid().ToString("N")[..10];
        using var signup = await http.PostAsJsonAsync("/users/signup",
            new { full_name = "Household Member", username, email = username + "@example.com", password = Password });
        Assert.Equal(HttpStatusCode.OK, signup.StatusCode);
        using var login = await http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = Password,
        }));
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (http, username);
    }
}
