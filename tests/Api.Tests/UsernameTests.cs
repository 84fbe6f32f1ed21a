using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>The username rule at sign-up, and users who signed up before it.</summary>
[Collection(ApiCollection.Name)]
public sealed class UsernameTests(ApiFixture fixture)
{
    private const string LookAlikePassword = "the look-alike's password";

    private NVelopesApiFactory Factory => fixture.Factory;

    public static TheoryData<string, string> LookAlikes => new()
    {
        { "cyrillic-o", "U+043E" },
        { "full-width", "U+FF4B" },
        { "kelvin-sign", "U+212A" },
        { "zero-width-space", "U+200B" },
        { "combining-accent", "U+0301" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task SignUp_LookAlikeOfAnExistingName_Returns400NamingTheCharacter_AndCreatesNoUser(string kind, string codePoint)
    {
        var original = await Factory.SignUpAndLogInAsync(UniqueName());
        var lookAlike = LookAlike(original.Username, kind);

        using var response = await SignUpAsync(lookAlike, LookAlikePassword);

        var detail = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("username may contain only", detail);
        Assert.Contains(codePoint, detail);
        using var logIn = await Factory.CreateClient().PostAsync("/token", ApiUsers.TokenForm(lookAlike, LookAlikePassword));
        await logIn.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(original.Username, (await original.Client.GetJsonAsync("/users/me"))["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignUp_LookAlikesAtOnce_ExactlyOneSucceeds()
    {
        var username = UniqueName();
        string[] names = [username, username.ToUpperInvariant(), $" {username} ", LookAlike(username, "full-width"), LookAlike(username, "cyrillic-o")];

        var answers = await Task.WhenAll(names.Select(async name =>
        {
            using var response = await SignUpAsync(name);
            return response.StatusCode;
        }));

        Assert.Single(answers, status => status == HttpStatusCode.OK);
        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }));
        var token = await Factory.LogInAsync(username, ApiUsers.DefaultPassword);
        Assert.Equal(username, (await Factory.CreateClient(token).GetJsonAsync("/users/me"))["username"]!.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public async Task SignUp_NameOutsideTheRule_Returns400WithTheRuleInDetail()
    {
        using var response = await SignUpAsync("joe..bloggs" + Guid.NewGuid().ToString("N")[..6]);

        Assert.Equal("username may not have two of '.', '_' or '-' in a row.", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task UserRegisteredBeforeTheRule_WithANameOutsideIt_StillLogsInAndUsesAccounts()
    {
        var username = LookAlike(UniqueName(), "cyrillic-o");
        await Factory.StoreUserAsync(username);

        var user = Factory.CreateClient(await Factory.LogInAsync(username.ToUpperInvariant(), ApiUsers.DefaultPassword));
        var me = await user.GetJsonAsync("/users/me");
        var opened = await user.PostJsonAsync("/accounts/new", new { name = "Savings", opening_balance = 5.00m, can_go_negative = false }).OkJsonAsync();
        var accounts = await user.GetJsonAsync("/accounts");

        Assert.Equal(username, me["username"]!.GetValue<string>());
        Assert.Contains(accounts.AsArray(), a => a!["account_id"]!.GetValue<string>() == opened["AccountId"]!.GetValue<string>());
        Assert.True((await Factory.CreateClient().GetJsonAsync($"/users/exists/{Uri.EscapeDataString(username)}")).GetValue<bool>());
    }

    private Task<HttpResponseMessage> SignUpAsync(string username, string password = ApiUsers.DefaultPassword) =>
        Factory.CreateClient().PostJsonAsync("/users/signup", new { full_name = "Someone", username, email = "someone@example.com", password });

    /// <summary>A fresh name with an 'o' and a 'k' in it, for every kind of look-alike.</summary>
    private static string UniqueName() => "ko" + Guid.NewGuid().ToString("N")[..10];

    private static string LookAlike(string username, string kind) => kind switch
    {
        "cyrillic-o" => username.Replace('o', '\u043E'),
        "full-width" => new string([.. username.Select(c => (char)(c + 0xFEE0))]),
        "kelvin-sign" => username.Replace('k', '\u212A'),
        "zero-width-space" => username.Insert(2, "\u200B"),
        "combining-accent" => username.Insert(2, "\u0301"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
