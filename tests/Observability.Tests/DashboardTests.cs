using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NVelopes.Observability.Tests.Infrastructure;

namespace NVelopes.Observability.Tests;

/// <summary>The Orleans Dashboard: off by default, and outside Development only behind the operator's password.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class DashboardTests
{
    private const string Password = "a-long-operator-secret";

    [Fact]
    public async Task Dashboard_IsOffByDefault()
    {
        await using var factory = new ObservedApiFactory();

        using var response = await factory.CreateClient().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_OnOutsideDevelopmentWithoutAPassword_StopsTheStart()
    {
        await using var factory = new ObservedApiFactory("Production", new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" });

        var refused = Record.Exception(() => factory.Server);

        Assert.NotNull(refused);
        Assert.Contains("Dashboard:Password", refused.ToString());
    }

    [Fact]
    public async Task Dashboard_OnWithAPassword_AsksForTheOperatorsCredentials_AndHidesGrainState()
    {
        await using var factory = new ObservedApiFactory("Production", new Dictionary<string, string?>
        {
            ["Dashboard:Enabled"] = "true",
            ["Dashboard:Password"] = Password,
        });
        var client = factory.CreateClient();

        using var anonymous = await client.GetAsync("/dashboard/");
        using var wrong = await SendAsync(client, "/dashboard/", "operator", "not-the-password-at-all");
        using var signedIn = await SendAsync(client, "/dashboard/", "operator", Password);
        using var grainState = await SendAsync(client, "/dashboard/GrainState?grainId=x&grainType=y", "operator", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("text/html", signedIn.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, grainState.StatusCode);
    }

    [Fact]
    public async Task Dashboard_OnInDevelopmentWithoutAPassword_IsOpen()
    {
        await using var factory = new ObservedApiFactory(settings: new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" });

        using var response = await factory.CreateClient().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DashboardPage_MayLoadItsOwnScriptsStylesImagesAndData()
    {
        await using var factory = new ObservedApiFactory(settings: new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" });

        using var response = await factory.CreateClient().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!response.Headers.TryGetValues("Content-Security-Policy", out var values)) return;
        var policy = string.Join(';', values);
        foreach (var directive in new[] { "script-src", "style-src", "img-src", "font-src", "connect-src" })
        {
            Assert.True(AllowsSelf(policy, directive),
                $"The dashboard page's Content-Security-Policy forbids its own {directive} ('{policy}'): a browser shows an empty page. " +
                "Give /dashboard a policy like Swagger UI's at /docs.");
        }
    }

    /// <summary>Whether <paramref name="directive"/>, or <c>default-src</c> when it is absent, allows <c>'self'</c>.</summary>
    private static bool AllowsSelf(string policy, string directive)
    {
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..], StringComparer.OrdinalIgnoreCase);
        var sources = directives.GetValueOrDefault(directive) ?? directives.GetValueOrDefault("default-src");
        return sources is null || sources.Contains("'self'");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string username, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return client.SendAsync(request);
    }
}
