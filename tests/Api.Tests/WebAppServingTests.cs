using System.Net;
using System.Net.Http.Headers;
using NVelopes.Api.Security;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>The gateway serves the web app at <c>/</c> with the app's policy, and stays an API everywhere else.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebAppServingTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app/signup")]
    [InlineData("/app/accounts/0123456789abcdef/history")]
    public async Task AppRoutes_AnswerTheAppsPage_WithTheAppsPolicy(string path)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.webassembly", await response.Content.ReadAsStringAsync());
        Assert.Equal(SecurityHeadersMiddleware.AppContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeadersMiddleware.AppContentSecurityPolicy);
        Assert.DoesNotContain("http", SecurityHeadersMiddleware.AppContentSecurityPolicy); // no other origin
    }

    [Fact]
    public async Task TheAppsFiles_AreServed_AndNotMarkedNoStore()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/_framework/blazor.webassembly.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/apps")]
    public async Task OtherUnknownRoutes_AreStillProblemDetails_WithTheApiPolicy(string path)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(SecurityHeadersMiddleware.ApiContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Renew_WithAValidToken_AnswersAFreshTokenOfTheSameUser()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();

        using var renewed = await user.Client.PostAsync("/token/renew", null);
        var token = (await renewed.ReadJsonAsync())["access_token"]!.GetValue<string>();

        Assert.NotEqual(user.Token, token);
        var me = await fixture.Factory.CreateClient(token).GetJsonAsync("/users/me");
        Assert.Equal(user.Username, me["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renew_WithoutAValidToken_Is401()
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        using var response = await client.PostAsync("/token/renew", null);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }
}
