using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NVelopes.Durability.Tests;

/// <summary>What the tests do through the running service's HTTP API: sign in, read a whole history, read a whole log.</summary>
internal static class ServiceClients
{
    public static async Task<HttpClient> SignedInClientAsync(Uri baseAddress, HttpClient? sameUserAs = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (sameUserAs is not null)
        {
            client.DefaultRequestHeaders.Authorization = sameUserAs.DefaultRequestHeaders.Authorization;
            return client;
        }
        var username = "durable" + Guid.NewGuid().ToString("N")[..10];
        const string password = "a long enough password";
        using var signup = await client.PostAsJsonAsync("/users/signup", new
        {
            full_name = "Durable Tester", username, email = username + "@example.com", password,
        });
        signup.EnsureSuccessStatusCode();
        using var token = await client.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = password,
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<List<JsonObject>> ReadWholeHistoryAsync(HttpClient client, string accountId)
    {
        var history = new List<JsonObject>();
        for (var page = 0; ; page++)
        {
            var items = await client.GetFromJsonAsync<JsonArray>($"/accounts/{accountId}/transactions/{page}/1000");
            if (items!.Count == 0) return history;
            history.AddRange(items.Select(i => i!.AsObject()));
        }
    }

    /// <summary>The whole log, through <c>GET /accounts/{id}/changes</c> a thousand at a time.</summary>
    public static async Task<List<JsonObject>> ReadWholeLogAsync(HttpClient client, string accountId)
    {
        var log = new List<JsonObject>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/accounts/{accountId}/changes?since={log.Count}&limit=1000");
            log.AddRange(page!["changes"]!.AsArray().Select(e => e!.AsObject()));
            if (!page["more"]!.GetValue<bool>()) return log;
        }
    }
}
