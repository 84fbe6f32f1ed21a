using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>A correctly signed token is used only by the user its <c>sub</c> names, and only while that user exists and is not disabled.</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenUserTests(ApiFixture fixture)
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task Routes_WithSignedTokenOfAnUnknownUser_Return401()
    {
        var stranger = Factory.CreateClient(Token(Guid.NewGuid().ToString("N"), "nobody" + Guid.NewGuid().ToString("N")[..8]));

        await AssertRefusedAsync(stranger, "The user this token was issued to does not exist.");
    }

    [Fact]
    public async Task Token_WithARealUsernameButAnotherSub_Returns401_AndOpensNothingOfThatUser()
    {
        var victim = await Factory.SignUpAndLogInAsync();
        var accountId = await victim.OpenAccountAsync();
        var forged = Factory.CreateClient(Token(Guid.NewGuid().ToString("N"), victim.Username));

        await AssertRefusedAsync(forged, "The user this token was issued to does not exist.");
        Assert.Equal([accountId], (await victim.Client.GetJsonAsync("/accounts")).AsArray().Select(a => a!["account_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Token_OfAUserWhoNoLongerExists_Returns401()
    {
        var user = await Factory.SignUpAndLogInAsync();
        await user.OpenAccountAsync();
        // The same service and key with its store started afresh: the user behind the token is gone.
        var emptied = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), Factory.SigningKey);
        try
        {
            await AssertRefusedAsync(emptied.CreateClient(user.Token), "The user this token was issued to does not exist.");
        }
        finally
        {
            await emptied.DisposeAsync();
            TestDirectories.TryDelete(emptied.DataDirectory);
        }
    }

    [Fact]
    public async Task Token_OfADisabledUser_Returns401()
    {
        var username = "disabled" + Guid.NewGuid().ToString("N")[..8];
        var userId = await Factory.StoreUserAsync(username, disabled: true);

        await AssertRefusedAsync(Factory.CreateClient(Token(userId, username)), "The user this token was issued to is disabled.");
        using var logIn = await Factory.CreateClient().PostAsync("/token", ApiUsers.TokenForm(username, ApiUsers.DefaultPassword));
        Assert.Equal("Inactive user", await logIn.ReadProblemAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Ticket_OfAnUnknownUser_Returns401()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();
        var ticket = (await user.Client.PostAsync($"/accounts/{accountId}/events/ticket", null).OkJsonAsync())["ticket"]!.GetValue<string>();
        var emptied = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), Factory.SigningKey);
        try
        {
            using var response = await emptied.CreateClient()
                .GetAsync($"/accounts/{accountId}/events?ticket={Uri.EscapeDataString(ticket)}", HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal("The user this token was issued to does not exist.", await response.ReadProblemAsync(HttpStatusCode.Unauthorized));
        }
        finally
        {
            await emptied.DisposeAsync();
            TestDirectories.TryDelete(emptied.DataDirectory);
        }
    }

    private string Token(string userId, string username) =>
        Tokens.Create(Factory.SigningKey, userId, username, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));

    /// <summary>Every kind of route refuses the token with <paramref name="detail"/> and the bearer challenge, and opens no account.</summary>
    private static async Task AssertRefusedAsync(HttpClient client, string detail)
    {
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/accounts"),
            () => client.GetAsync("/users/me"),
            () => client.PostJsonAsync("/accounts/new", new { name = "Mine", opening_balance = 1.00m, can_go_negative = false }),
        })
        {
            using var response = await request();
            Assert.Equal(detail, await response.ReadProblemAsync(HttpStatusCode.Unauthorized));
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter?.Contains("error=\"invalid_token\"") == true);
        }
    }
}
