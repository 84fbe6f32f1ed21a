using System.Net.Http.Json;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Requests with the retry and concurrency headers of mutations.</summary>
public static class RetryRequests
{
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Sends <paramref name="body"/> as JSON with an <c>Idempotency-Key</c> and an <c>If-Match</c> where given.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, object? body, string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation(IdempotencyKey, idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client, string path, object body, string? idempotencyKey, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, body, idempotencyKey, ifMatch);

    /// <summary>The <c>ETag</c> of an answer, as the client would send it back in <c>If-Match</c>.</summary>
    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException($"The answer {(int)response.StatusCode} has no ETag.");

    public static string NewKey() => "key-" + Guid.NewGuid().ToString("N");
}
