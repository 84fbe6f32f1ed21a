using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Requests and answers as the wire shows them: bodies are written with their exact snake_case names.</summary>
public static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    /// <summary>Posts <paramref name="json"/> verbatim, for bodies a typed object cannot express (a string amount).</summary>
    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The body of a 200 answer (or of <paramref name="expected"/>); anything else fails the test with the body in the message.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Sends, asserts a 200 and returns its JSON.</summary>
    public static async Task<JsonNode> OkJsonAsync(this Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return await response.ReadJsonAsync();
    }

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and a reason, and returns the reason.</summary>
    public static async Task<string> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        var detail = problem["detail"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(detail), $"The problem has no detail: {text}");
        return detail!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadJsonAsync();
    }

    /// <summary>The account and its whole history as raw JSON, to prove that a refused request changed nothing.</summary>
    /// <param name="withVersion">
    /// False to leave the account's version out: an undo restores the state, but as a new event, at a new version.
    /// </param>
    public static async Task<string> SnapshotAsync(this HttpClient client, string accountId, bool withVersion = true)
    {
        var account = await client.GetJsonAsync($"/accounts/{accountId}");
        if (!withVersion) account.AsObject().Remove("version");
        var history = await client.GetJsonAsync($"/accounts/{accountId}/transactions/0/1000");
        return account.ToJsonString() + "\n" + history.ToJsonString();
    }

    public static decimal Decimal(this JsonNode? node) => node!.GetValue<decimal>();

    public static decimal EnvelopeBalance(this JsonNode account, int envelopeId) =>
        account["envelopes"]!.AsArray().Single(e => e!["id"]!.GetValue<int>() == envelopeId)!["balance"].Decimal();
}
