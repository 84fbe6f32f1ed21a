using System.Net;
using Microsoft.IdentityModel.Tokens;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task AccountRoute_WithoutToken_Returns401Problem()
    {
        using var response = await Factory.CreateClient().GetAsync("/accounts");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AccountRoute_WithTokenSignedByAnotherKey_Returns401()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var forged = Factory.CreateClient(Tokens.ResignedWithOtherKey(user.Token));

        using var response = await forged.GetAsync($"/accounts/{accountId}");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        AssertBearerChallenge(response, "invalid_token");
    }

    [Fact]
    public async Task AccountRoute_WithExpiredToken_Returns401()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var expired = Tokens.Create(Factory.SigningKey, user.UserId, user.Username,
            notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));

        using var response = await Factory.CreateClient(expired).GetAsync($"/accounts/{accountId}");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        AssertBearerChallenge(response, "invalid_token");
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("algorithm")]
    [InlineData("none")]
    public async Task AccountRoute_WithTokenForSomeoneElseOrUnsigned_Returns401(string flaw)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var now = DateTime.UtcNow;
        var token = flaw switch
        {
            "issuer" => Tokens.Create(Factory.SigningKey, user.UserId, user.Username, now, now.AddMinutes(5), issuer: "someone-else"),
            "audience" => Tokens.Create(Factory.SigningKey, user.UserId, user.Username, now, now.AddMinutes(5), audience: "another-api"),
            "algorithm" => Tokens.Create(Factory.SigningKey, user.UserId, user.Username, now, now.AddMinutes(5), algorithm: SecurityAlgorithms.HmacSha512),
            _ => Tokens.Unsigned(user.UserId, user.Username),
        };

        using var response = await Factory.CreateClient(token).GetAsync($"/accounts/{accountId}");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        AssertBearerChallenge(response, "invalid_token");
    }

    [Theory]
    [InlineData("sub", null)]
    [InlineData("sub", "")]
    [InlineData("preferred_username", null)]
    [InlineData("preferred_username", "")]
    public async Task Routes_WithSignedTokenLackingAClaim_Return401NamingIt(string claim, string? value)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var now = DateTime.UtcNow;
        var token = Tokens.Create(Factory.SigningKey,
            claim == "sub" ? value : user.UserId, claim == "preferred_username" ? value : user.Username, now, now.AddMinutes(5));
        var client = Factory.CreateClient(token);

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/accounts"),
            () => client.GetAsync("/users/me"),
            () => client.PostJsonAsync("/accounts/new", new { name = "Mine", opening_balance = 1.00m, can_go_negative = false }),
        })
        {
            using var response = await request();
            Assert.Equal($"The token has no '{claim}' claim: log in again at /token.", await response.ReadProblemAsync(HttpStatusCode.Unauthorized));
            AssertBearerChallenge(response, "invalid_token");
        }
        Assert.Empty((await user.Client.GetJsonAsync("/accounts")).AsArray());
    }

    [Fact]
    public async Task AnotherUsersAccount_AnswersExactlyLikeAnUnknownOne_AndStaysUnchanged()
    {
        var owner = await Factory.SignUpAndLogInAsync();
        var stranger = await Factory.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        var unknownId = Guid.NewGuid().ToString("N");
        var before = await owner.Client.SnapshotAsync(accountId);

        foreach (var (path, body) in new (string, Func<string, object?>)[]
        {
            ("GET /accounts/{0}", _ => null),
            ("GET /accounts/{0}/envelopes/list", _ => null),
            ("GET /accounts/{0}/paysources/list", _ => null),
            ("GET /accounts/{0}/transactions/0/10", _ => null),
            ("POST /accounts/deposit", id => new { account_id = id, envelope_id = 1, description = "x", amount = 1.00m }),
            ("POST /accounts/envelopes/rename", id => new { account_id = id, envelope_id = 1, new_name = "Mine now" }),
            ("POST /accounts/transactions/undo", id => new { account_id = id }),
            ("DELETE /accounts/{0}", _ => null),
        })
        {
            var foreign = await SendAsync(stranger.Client, path, accountId, body(accountId));
            var unknown = await SendAsync(stranger.Client, path, unknownId, body(unknownId));

            Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
            Assert.Equal(unknown.Status, foreign.Status);
            Assert.Equal(unknown.Detail.Replace(unknownId, "{id}"), foreign.Detail.Replace(accountId, "{id}"));
        }

        Assert.DoesNotContain((await stranger.Client.GetJsonAsync("/accounts")).AsArray(),
            a => a!["account_id"]!.GetValue<string>() == accountId);
        Assert.Equal(before, await owner.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Token_WithWrongPasswordOrUnknownUser_Returns401WithTheSameReason()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var client = Factory.CreateClient();

        using var wrongPassword = await client.PostAsync("/token", ApiUsers.TokenForm(user.Username, "not the password"));
        using var unknownUser = await client.PostAsync("/token", ApiUsers.TokenForm("nobody" + Guid.NewGuid().ToString("N")[..8], "whatever-password"));

        var wrongReason = await wrongPassword.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(wrongReason, await unknownUser.ReadProblemAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Token_WithOtherGrantType_Returns400()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["username"] = user.Username,
            ["password"] = user.Password,
        });

        using var response = await Factory.CreateClient().PostAsync("/token", form);

        Assert.Contains("grant_type", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Token_UsernameIsCaseInsensitive_AndTokenNamesTheUser()
    {
        var user = await Factory.SignUpAndLogInAsync();

        var token = await Factory.LogInAsync(user.Username.ToUpperInvariant(), user.Password);
        var me = await Factory.CreateClient(token).GetJsonAsync("/users/me");

        Assert.Equal(user.Username, me["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignUp_TakenUsernameInAnyCase_Returns400UsernameTaken()
    {
        var user = await Factory.SignUpAndLogInAsync();

        using var response = await Factory.CreateClient().PostJsonAsync("/users/signup", new
        {
            full_name = "Impostor",
            username = user.Username.ToUpperInvariant(),
            email = "impostor@example.com",
            password = "another-password",
        });

        Assert.Equal("Username taken", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(user.Username, (await user.Client.GetJsonAsync("/users/me"))["username"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ab", "ok@example.com", "long-enough", "username")]
    [InlineData("this-username-is-far-too-long-for-nvelopes-123456789", "ok@example.com", "long-enough", "username")]
    [InlineData("validname", "not-an-email", "long-enough", "email")]
    [InlineData("validname", "ok@example.com", "short", "password")]
    public async Task SignUp_InvalidField_Returns400NamingIt_AndCreatesNoUser(string username, string email, string password, string field)
    {
        username = username == "validname" ? "valid" + Guid.NewGuid().ToString("N")[..8] : username;
        var client = Factory.CreateClient();

        using var response = await client.PostJsonAsync("/users/signup", new { full_name = "Someone", username, email, password });

        Assert.Contains(field, await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.False((await client.GetJsonAsync($"/users/exists/{username}")).GetValue<bool>());
    }

    [Fact]
    public async Task SignUp_PasswordOf129Characters_Returns400()
    {
        var username = "long" + Guid.NewGuid().ToString("N")[..8];

        using var response = await Factory.CreateClient().PostJsonAsync("/users/signup", new
        {
            full_name = "Someone", username, email = "ok@example.com", password = new string('p', 129),
        });

        Assert.Contains("password", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    private static void AssertBearerChallenge(HttpResponseMessage response, string error) =>
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter?.Contains($"error=\"{error}\"") == true);

    private static async Task<(HttpStatusCode Status, string Detail)> SendAsync(HttpClient client, string route, string accountId, object? body)
    {
        var (method, path) = (route.Split(' ')[0], string.Format(route.Split(' ')[1], accountId));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var status = response.StatusCode;
        return (status, await response.ReadProblemAsync(status));
    }
}
