using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Rate limits of the anonymous routes (per username and per client address) and CORS for configured origins.</summary>
public sealed class AbuseLimitsTests(LimitedApiFixture fixture) : IClassFixture<LimitedApiFixture>
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task Token_MoreAttemptsForOneUsernameThanAllowed_Returns429WithRetryAfter_AndOtherUsersStillLogIn()
    {
        var victim = await Factory.SignUpAndLogInAsync(); // one attempt
        var bystander = await Factory.SignUpAndLogInAsync();
        var client = Factory.CreateClient();
        for (var attempt = 2; attempt <= LimitedApiFixture.TokenAttemptsPerUsername; attempt++)
        {
            using var guess = await client.PostAsync("/token", ApiUsers.TokenForm(victim.Username, "guess-" + attempt));
            await guess.ReadProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var throttled = await client.PostAsync("/token", ApiUsers.TokenForm(victim.Username.ToUpperInvariant(), victim.Password));

        Assert.Contains("try again", await throttled.ReadProblemAsync(HttpStatusCode.TooManyRequests));
        var retryAfter = throttled.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.NotEmpty(await Factory.LogInAsync(bystander.Username, bystander.Password));
    }

    [Fact]
    public async Task Signup_MoreAttemptsForOneUsernameThanAllowed_Returns429()
    {
        var username = "limited" + Guid.NewGuid().ToString("N")[..8];
        var client = Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= LimitedApiFixture.SignupsPerUsername; attempt++)
        {
            using var response = await client.PostJsonAsync("/users/signup", new
            {
                full_name = "Limited", username = attempt % 2 == 0 ? username : username.ToUpperInvariant(), email = "l@example.com", password = "long-enough-password",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Signup_UsernameUnderAKeyInAnyCase_IsCountedAsTheBinderReadsIt()
    {
        var username = "limited" + Guid.NewGuid().ToString("N")[..8];
        var client = Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var (key, name) in new[] { ("USERNAME", username), ("Username", username.ToUpperInvariant()), ("username", username) })
        {
            using var response = await client.PostRawJsonAsync("/users/signup",
                $$"""{"full_name": "Limited", "{{key}}": "{{name}}", "email": "l@example.com", "password": "long-enough-password"}""");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task UserExists_MoreLookupsFromOneClientThanAllowed_Returns429WithRetryAfter()
    {
        var client = Factory.CreateClient();
        for (var lookup = 0; lookup < LimitedApiFixture.LookupsPerClientAddress; lookup++)
            Assert.False((await client.GetJsonAsync($"/users/exists/probe{lookup}{Guid.NewGuid():N}")).GetValue<bool>());

        using var throttled = await client.GetAsync("/users/exists/one-more");

        await throttled.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Fact]
    public async Task Writes_MoreByOneUserThanAllowed_Return429WithRetryAfterAndChangeNothing_WhileReadsAndOtherUsersGoOn()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var bystander = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m); // the first change
        for (var deposit = 2; deposit <= LimitedApiFixture.WritesPerUser; deposit++)
            await user.DepositAsync(accountId, 0, 1.00m).OkJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);

        using var throttled = await user.DepositAsync(accountId, 0, 1.00m);

        var detail = await throttled.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains($"at most {LimitedApiFixture.WritesPerUser} account changes", detail);
        var retryAfter = throttled.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        using (var anotherAccount = await user.Client.PostJsonAsync("/accounts/new", new { name = "Another", opening_balance = 1.00m }))
            await anotherAccount.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
        await bystander.DepositAsync(await bystander.OpenAccountAsync(), 0, 1.00m).OkJsonAsync();
    }

    [Fact]
    public async Task Cors_ConfiguredOrigin_IsAllowedWithTheRetryHeaders_AndOthersAreNot()
    {
        var client = Factory.CreateClient();

        using var allowed = await client.SendAsync(Preflight(LimitedApiFixture.AllowedOrigin));
        using var refused = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal(LimitedApiFixture.AllowedOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowedHeaders = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("idempotency-key", allowedHeaders);
        Assert.Contains("if-match", allowedHeaders);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/accounts/deposit");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match");
        return preflight;
    }
}
