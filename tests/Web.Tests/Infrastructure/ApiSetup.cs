using System.Net.Http.Json;
using System.Text.Json;

namespace NVelopes.Web.Tests.Infrastructure;

/// <summary>What a test prepares through the public API before the browser looks at it.</summary>
public static class ApiSetup
{
    /// <summary>Opens an account with the given envelopes; answers its id and the envelopes' ids, in order.</summary>
    public static async Task<(string AccountId, int[] EnvelopeIds)> OpenAccountAsync(
        this WebAppFixture fixture, string token, string name, decimal opening, bool canGoNegative, params string[] envelopes)
    {
        using var client = fixture.NewClient(token);
        using var opened = await client.PostAsJsonAsync("accounts/new", new { name, opening_balance = opening, can_go_negative = canGoNegative });
        opened.EnsureSuccessStatusCode();
        var accountId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("AccountId").GetString()!;
        if (envelopes.Length == 0) return (accountId, []);
        using var added = await client.PostAsJsonAsync("accounts/envelopes/add", new { account_id = accountId, envelopes });
        added.EnsureSuccessStatusCode();
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        var ids = body.GetProperty("envelopes").EnumerateArray()
            .Where(e => envelopes.Contains(e.GetProperty("name").GetString()))
            .Select(e => e.GetProperty("id").GetInt32()).ToArray();
        return (accountId, ids);
    }

    public static async Task DepositAsync(this WebAppFixture fixture, string token, string accountId, int envelopeId, decimal amount, string description)
    {
        using var client = fixture.NewClient(token);
        using var deposited = await client.PostAsJsonAsync("accounts/deposit",
            new { account_id = accountId, envelope_id = envelopeId, description, amount });
        deposited.EnsureSuccessStatusCode();
    }

    /// <summary>Adds a schedule (<c>POST /accounts/{id}/schedules</c>); answers its id.</summary>
    public static async Task<int> AddScheduleAsync(this WebAppFixture fixture, string token, string accountId, object terms)
    {
        using var client = fixture.NewClient(token);
        using var added = await client.PostAsJsonAsync($"accounts/{accountId}/schedules", terms);
        added.EnsureSuccessStatusCode();
        return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("schedule").GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement[]> SchedulesAsync(this WebAppFixture fixture, string token, string accountId)
    {
        using var client = fixture.NewClient(token);
        return [.. (await client.GetFromJsonAsync<JsonElement>($"accounts/{accountId}/schedules")).EnumerateArray()];
    }

    public static async Task<JsonElement> AccountAsync(this WebAppFixture fixture, string token, string accountId)
    {
        using var client = fixture.NewClient(token);
        return await client.GetFromJsonAsync<JsonElement>($"accounts/{accountId}");
    }

    /// <summary>The whole effective history, oldest first, as the API pages it.</summary>
    public static async Task<JsonElement[]> HistoryAsync(this WebAppFixture fixture, string token, string accountId)
    {
        using var client = fixture.NewClient(token);
        var page = await client.GetFromJsonAsync<JsonElement>($"accounts/{accountId}/transactions/0/1000");
        return [.. page.EnumerateArray()];
    }

    public static async Task<string> LogInTokenAsync(this WebAppFixture fixture, string username)
    {
        using var client = fixture.NewClient();
        using var token = await client.PostAsync("token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = WebAppFixture.Password,
        }));
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
