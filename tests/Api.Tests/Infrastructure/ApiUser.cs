using System.Net.Http.Headers;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>A user who signed up and logged in through the real endpoints; <see cref="Client"/> sends their token.</summary>
public sealed record ApiUser(string UserId, string Username, string Password, string Token, HttpClient Client);

public static class ApiUsers
{
    public const string DefaultPassword = "correct horse battery";

    /// <summary>Signs up a new user with a unique name, logs in through <c>/token</c> and returns an authorised client.</summary>
    public static async Task<ApiUser> SignUpAndLogInAsync(this NVelopesApiFactory factory, string? username = null)
    {
        username ??= "user" + Guid.NewGuid().ToString("N")[..12];
        var anonymous = factory.CreateClient();
        var signup = await anonymous.PostJsonAsync("/users/signup", new
        {
            full_name = "Test " + username,
            username,
            email = username + "@example.com",
            password = DefaultPassword,
        });
        var userId = (await signup.ReadJsonAsync()).GetValue<string>();
        var token = await factory.LogInAsync(username, DefaultPassword);
        return new ApiUser(userId, username, DefaultPassword, token, factory.CreateClient(token));
    }

    /// <summary>The access token <c>POST /token</c> issues for these credentials.</summary>
    public static async Task<string> LogInAsync(this NVelopesApiFactory factory, string username, string password)
    {
        using var response = await factory.CreateClient().PostAsync("/token", TokenForm(username, password));
        var body = await response.ReadJsonAsync();
        Assert.Equal("bearer", body["token_type"]!.GetValue<string>());
        return body["access_token"]!.GetValue<string>();
    }

    public static FormUrlEncodedContent TokenForm(string username, string password) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "password",
        ["username"] = username,
        ["password"] = password,
    });

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient CreateClient(this NVelopesApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
