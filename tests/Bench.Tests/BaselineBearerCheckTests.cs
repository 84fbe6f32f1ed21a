using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NVelopes.Bench.Baseline;
using NVelopes.Bench.Seeding;

namespace NVelopes.Bench.Tests;

/// <summary>
/// The baseline's bearer check is the original's: a valid token is not enough, the user it names is read from the
/// store on every request, and only an existing, enabled user reaches the account.
/// </summary>
public sealed class BaselineBearerCheckTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvelopes-baseline-" + Guid.NewGuid().ToString("N"));
    private BaselineService _baseline = null!;
    private string _accountId = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteBaselineStore(_directory);
        _baseline = await BaselineService.StartAsync(store, _directory, CancellationToken.None);
        await store.InsertUserAsync(new BaselineUser("user-1", "alice", Disabled: false), CancellationToken.None);
        await store.InsertUserAsync(new BaselineUser("user-2", "bob", Disabled: true), CancellationToken.None);
        var account = AccountSeeds.Empty("user-1", DateTimeOffset.UtcNow);
        await store.InsertAsync([account], CancellationToken.None);
        _accountId = account.Account.Id;
    }

    public async Task DisposeAsync()
    {
        await _baseline.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AnEnabledUser_ReadsTheirAccount()
    {
        using var response = await GetAccountAsAsync("alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_accountId, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["account_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("mallory", HttpStatusCode.Unauthorized, "Could not validate credentials")]
    [InlineData("bob", HttpStatusCode.BadRequest, "Inactive user")]
    public async Task AValidTokenOfAnUnknownOrDisabledUser_IsRefused(string username, HttpStatusCode status, string detail)
    {
        using var response = await GetAccountAsAsync(username);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(detail, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> GetAccountAsAsync(string username)
    {
        using var client = new HttpClient { BaseAddress = _baseline.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _baseline.Tokens.Issue(username));
        return await client.GetAsync($"/accounts/{_accountId}");
    }
}
