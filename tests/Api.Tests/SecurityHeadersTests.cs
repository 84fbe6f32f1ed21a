using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Headers every answer carries, and CORS staying off when no origin is configured.</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityHeadersTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("GET", "/accounts", HttpStatusCode.OK)]
    [InlineData("GET", "/accounts/0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("POST", "/accounts/deposit", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/no/such/route", HttpStatusCode.NotFound)]
    [InlineData("GET", "/health/live", HttpStatusCode.OK)]
    [InlineData("GET", "/swagger/v1/swagger.json", HttpStatusCode.OK)]
    public async Task ApiAnswers_CarryTheSecurityHeadersAndAreNotCached(string method, string path, HttpStatusCode status)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();

        using var response = await user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response, "default-src 'none'");
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} should be Cache-Control: no-store");
    }

    [Fact]
    public async Task Unauthorized_CarriesTheSecurityHeaders()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSecurityHeaders(response, "default-src 'none'");
    }

    [Fact]
    public async Task SwaggerUi_MayLoadItsOwnScriptsAndStylesOnly()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, "script-src 'self'");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("script-src 'self' 'unsafe", policy);
    }

    [Fact]
    public async Task Cors_WithoutConfiguredOrigins_AnswersNoCorsHeaders()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/accounts/deposit");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/users/exists/someone");
        simple.Headers.Add("Origin", "https://evil.example");
        var client = fixture.Factory.CreateClient();

        using var preflightAnswer = await client.SendAsync(preflight);
        using var simpleAnswer = await client.SendAsync(simple);

        Assert.False(preflightAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(simpleAnswer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string policyPart)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains(policyPart, policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }
}
