using System.Net;
using System.Text;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Bodies are read as UTF-8 and as sent: a charset that means UTF-8 is taken however it is spelled, any other charset
/// and any content coding is a 415 with the reason, on the JSON routes and the token form alike.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestEncodingTests(ApiFixture fixture)
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    [InlineData("\"utf-8\"")]
    [InlineData("\"UTF-8\"")]
    [InlineData("utf8")]
    [InlineData("UTF8")]
    [InlineData("utf-8; charset=UTF8")]
    public async Task Deposit_WithAUtf8CharsetSpelledAnyWay_IsTaken(string charset)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);

        using var response = await user.Client.PostAsync("/accounts/deposit",
            Body($$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"café","amount":2.50}""", "application/json; charset=" + charset));

        var account = await response.ReadJsonAsync();
        Assert.Equal(12.50m, account["balance"].Decimal());
        Assert.Equal("café", account["transaction"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignupAndToken_WithAQuotedUtf8Charset_SignUpAndLogIn()
    {
        var username = "quoted" + Guid.NewGuid().ToString("N")[..10];

        using var signup = await Factory.CreateClient().PostAsync("/users/signup", Body(
            $$"""{"full_name":"Zoë Quoted","username":"{{username}}","email":"{{username}}@example.com","password":"{{ApiUsers.DefaultPassword}}"}""",
            "application/json; charset=\"utf-8\""));
        await signup.ReadJsonAsync();
        using var token = await Factory.CreateClient().PostAsync("/token", Body(
            $"grant_type=password&username={username}&password={Uri.EscapeDataString(ApiUsers.DefaultPassword)}",
            "application/x-www-form-urlencoded; charset=\"UTF-8\""));

        Assert.Equal("bearer", (await token.ReadJsonAsync())["token_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("utf-7")]
    [InlineData("ebcdic-cp-us")]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    [InlineData("\"\"")]
    [InlineData("")]
    [InlineData("utf-8; charset=latin1")]
    public async Task Deposit_WithAnotherCharset_Returns415NamingItAndChangesNothing(string charset)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        var before = await user.Client.SnapshotAsync(accountId);

        using var response = await user.Client.PostAsync("/accounts/deposit",
            Body($$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":2.50}""", "application/json; charset=" + charset));

        var detail = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("must be UTF-8", detail);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("utf-7")]
    [InlineData("ebcdic-cp-us")]
    [InlineData("utf-16")]
    public async Task Signup_WithAnotherCharset_Returns415AndSignsNobodyUp(string charset)
    {
        var username = "charset" + Guid.NewGuid().ToString("N")[..10];

        using var response = await Factory.CreateClient().PostAsync("/users/signup", Body(
            $$"""{"full_name":"Someone","username":"{{username}}","email":"{{username}}@example.com","password":"{{ApiUsers.DefaultPassword}}"}""",
            "application/json; charset=" + charset));

        Assert.Contains($"'{charset}'", await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType));
        Assert.False((await Factory.CreateClient().GetJsonAsync($"/users/exists/{username}")).GetValue<bool>());
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("utf-7")]
    [InlineData("ebcdic-cp-us")]
    [InlineData("utf-16")]
    public async Task Token_WithAnotherCharset_Returns415(string charset)
    {
        var user = await Factory.SignUpAndLogInAsync();

        using var response = await Factory.CreateClient().PostAsync("/token", Body(
            $"grant_type=password&username={user.Username}&password={Uri.EscapeDataString(user.Password)}",
            "application/x-www-form-urlencoded; charset=" + charset));

        Assert.Contains($"'{charset}'", await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("identity, deflate")]
    public async Task Deposit_WithAContentCoding_Returns415NamingItAndChangesNothing(string coding)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);
        var before = await user.Client.SnapshotAsync(accountId);
        var content = Body($$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":2.50}""", "application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        using var response = await user.Client.PostAsync("/accounts/deposit", content);

        Assert.Contains("Content-Encoding", await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    /// <summary>A body with its Content-Type exactly as given: the client's own header type refuses some of these values.</summary>
    private static ByteArrayContent Body(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
