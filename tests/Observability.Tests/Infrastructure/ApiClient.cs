using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>A user signed up and logged in through the real endpoints, with the calls the tests make.</summary>
public sealed class ApiClient(HttpClient client)
{
    public HttpClient Http => client;

    public static async Task<ApiClient> SignUpAsync(ObservedApiFactory factory)
    {
        var username = "obs" + Guid.NewGuid().ToString("N")[..12];
        const string password = "correct horse battery";
        var client = factory.CreateClient();
        using (var signup = await client.PostAsJsonAsync("/users/signup", new
        {
            full_name = "Observed " + username,
            username,
            email = username + "@example.com",
            password,
        }))
        {
            await OkJsonAsync(signup);
        }
        using var token = await client.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
        }));
        var accessToken = (await OkJsonAsync(token))["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return new ApiClient(client);
    }

    public async Task<string> OpenAccountAsync(decimal openingBalance = 100m)
    {
        using var response = await client.PostAsJsonAsync("/accounts/new", new
        {
            name = "Current Account",
            opening_balance = openingBalance,
            can_go_negative = false,
        });
        return (await OkJsonAsync(response))["AccountId"]!.GetValue<string>();
    }

    /// <summary>Deposits into envelope 0, sending <paramref name="traceParent"/> so the test knows the trace id.</summary>
    public async Task<JsonNode> DepositAsync(string accountId, decimal amount, string traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/accounts/deposit")
        {
            Content = JsonContent.Create(new { account_id = accountId, envelope_id = 0, description = "observed deposit", amount }),
        };
        request.Headers.Add("traceparent", traceParent);
        using var response = await client.SendAsync(request);
        return await OkJsonAsync(response);
    }

    public static async Task<JsonNode> OkJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
