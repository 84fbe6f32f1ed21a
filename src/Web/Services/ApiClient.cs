using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NVelopes.Web.Contracts;

namespace NVelopes.Web.Services;

/// <summary>
/// The app's one way to the service: the public REST API with the session's bearer token. Every refusal becomes
/// the sentence of the problem details' <c>detail</c>; the app adds no rule of its own. A command carries the
/// <c>Idempotency-Key</c> of its submission, and a 503 is retried with that same key, so an outage never applies
/// a command twice.
/// </summary>
public sealed class ApiClient(HttpClient http, Session session)
{
    /// <summary>How often a command that met a 503 is sent again (with its key) before the person is told.</summary>
    public const int UnavailableRetries = 3;

    public const string UnavailableSentence = "The service is unavailable right now. Please try again in a moment.";
    private const string EndedSentence = "Your session has ended. Please log in again.";

    private Task<TokenAnswer?>? _renewal;

    public static ApiJson Json => ApiJson.Default;

    public Task<ApiAnswer<T>> GetAsync<T>(string path, JsonTypeInfo<T> answer, CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), answer, idempotencyKey: null, cancellationToken);

    public Task<ApiAnswer<T>> PostAsync<TBody, T>(
        string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> answer, string? idempotencyKey,
        CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, bodyType) },
            answer, idempotencyKey, cancellationToken);

    public Task<ApiAnswer<T>> PutAsync<TBody, T>(
        string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> answer, string? idempotencyKey,
        CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, bodyType) },
            answer, idempotencyKey, cancellationToken);

    /// <summary>A command without a body whose answer the app does not read (a 204 No Content, or an answer shown by a reload).</summary>
    public Task<ApiAnswer<bool>> SendAsync(HttpMethod method, string path, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(method, path), (_, _) => Task.FromResult(true), idempotencyKey, cancellationToken);

    /// <summary>Posts a file as <c>multipart/form-data</c> in the field <c>file</c> (a retry sends the same bytes).</summary>
    public Task<ApiAnswer<T>> PostFileAsync<T>(
        string path, string fileName, byte[] content, JsonTypeInfo<T> answer, string? idempotencyKey,
        CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } },
        }, answer, idempotencyKey, cancellationToken);

    /// <summary>A download: the answer's bytes and the file name its <c>Content-Disposition</c> gives.</summary>
    public Task<ApiAnswer<(byte[] Content, string? FileName)>> GetFileAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), async (response, token) =>
            (await response.Content.ReadAsByteArrayAsync(token), response.Content.Headers.ContentDisposition?.FileName?.Trim('"')),
            idempotencyKey: null, cancellationToken);

    /// <summary>Logs in with the OAuth2 password grant, as the API's <c>/token</c> takes it.</summary>
    public async Task<string?> LogInAsync(string username, string password)
    {
        var form = new FormUrlEncodedContent([
            new("grant_type", "password"), new("username", username), new("password", password)]);
        using var response = await http.PostAsync("token", form);
        if (!response.IsSuccessStatusCode) return await ReasonOf(response);
        var token = await response.Content.ReadFromJsonAsync(Json.TokenAnswer);
        await session.SignInAsync(token!.AccessToken);
        return null;
    }

    /// <summary>A request for <c>/events</c>, signed with the current (renewed when due) token.</summary>
    public async Task<HttpRequestMessage> SignedRequestAsync(HttpMethod method, string path)
    {
        await RenewWhenDueAsync();
        var request = new HttpRequestMessage(method, path);
        if (session.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public HttpClient Http => http;

    private Task<ApiAnswer<T>> SendAsync<T>(
        Func<HttpRequestMessage> create, JsonTypeInfo<T> answer, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(create, (response, token) => response.Content.ReadFromJsonAsync(answer, token), idempotencyKey, cancellationToken);

    private async Task<ApiAnswer<T>> SendAsync<T>(
        Func<HttpRequestMessage> create, Func<HttpResponseMessage, CancellationToken, Task<T?>> read, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        await RenewWhenDueAsync();
        for (var attempt = 0; ; attempt++)
        {
            using var request = create();
            if (session.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (idempotencyKey is not null && attempt < UnavailableRetries)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }
            catch (HttpRequestException)
            {
                return new ApiAnswer<T>(default, UnavailableSentence, 0);
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && idempotencyKey is not null && attempt < UnavailableRetries)
                {
                    await Task.Delay(RetryDelay(response), cancellationToken);
                    continue;
                }
                if (response.IsSuccessStatusCode)
                    return new ApiAnswer<T>(await read(response, cancellationToken), null, (int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Unauthorized && session.SignedIn)
                {
                    await session.SignOutAsync(EndedSentence);
                    return new ApiAnswer<T>(default, EndedSentence, 401);
                }
                return new ApiAnswer<T>(default, await ReasonOf(response), (int)response.StatusCode);
            }
        }
    }

    /// <summary>Waits as <c>Retry-After</c> asks, but not so long that the person gives up on the page.</summary>
    private static TimeSpan RetryDelay(HttpResponseMessage response)
    {
        var asked = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        return asked < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : asked > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : asked;
    }

    private static async Task<string> ReasonOf(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return UnavailableSentence;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync(Json.Problem);
            if (!string.IsNullOrWhiteSpace(problem?.Detail)) return problem.Detail;
            if (!string.IsNullOrWhiteSpace(problem?.Title)) return problem.Title;
        }
        catch (JsonException)
        {
        }
        return $"The service answered {(int)response.StatusCode} {response.ReasonPhrase}.";
    }

    /// <summary>Renews a token past half its life once, however many requests are waiting for it.</summary>
    private async Task RenewWhenDueAsync()
    {
        if (!session.DueForRenewal) return;
        _renewal ??= RenewAsync();
        try
        {
            if (await _renewal is { } renewed) await session.SignInAsync(renewed.AccessToken);
        }
        finally
        {
            _renewal = null;
        }
    }

    private async Task<TokenAnswer?> RenewAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "token/renew");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync(Json.TokenAnswer) : null;
        }
        catch (HttpRequestException)
        {
            return null; // the current token still works until it expires; the next action tries again
        }
    }
}
