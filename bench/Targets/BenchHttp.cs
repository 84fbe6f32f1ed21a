using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NVelopes.Api.Auth;

namespace NVelopes.Bench.Targets;

/// <summary>The HTTP side of the load generator: pooled connections enough for every client, and the log-in flow.</summary>
internal static class BenchHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// A client whose handler keeps at least <paramref name="concurrency"/> connections to the server open, so no
    /// client waits for a connection, and that sends <paramref name="accessToken"/> as the bearer token.
    /// </summary>
    public static HttpClient Client(Uri baseAddress, int concurrency, string? accessToken = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(concurrency, 1) + 8,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Signs a new user up at the real gateway and logs in: the user's id and name, and an access token.</summary>
    public static async Task<(string UserId, string Username, string AccessToken)> SignUpAndLogInAsync(Uri gateway, CancellationToken cancellationToken)
    {
        using var client = Client(gateway, 1);
        var username = $"bench_{Guid.NewGuid().ToString("N")[..12]}";
        const string password = "bench-password-1";
        using var signup = await client.PostAsJsonAsync("/users/signup",
            new { full_name = "Benchmark", username, email = $"{username}@example.com", password }, Json, cancellationToken);
        await EnsureSuccessAsync(signup, cancellationToken);
        var userId = await signup.Content.ReadFromJsonAsync<string>(Json, cancellationToken)
            ?? throw new InvalidOperationException("Sign-up answered no user id.");

        using var login = await client.PostAsync(TokenEndpoints.TokenRoute, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = TokenEndpoints.PasswordGrant,
            ["username"] = username,
            ["password"] = password,
        }), cancellationToken);
        await EnsureSuccessAsync(login, cancellationToken);
        var token = await login.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return (userId, username, token.GetProperty("access_token").GetString()!);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }
}
