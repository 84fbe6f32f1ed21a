using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Requests the service cannot take as sent: each is a 4xx problem details answer whose <c>detail</c> says why in the
/// wire's own terms (never a .NET type), and the account reads back exactly as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture fixture)
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task Body_LargerThan64KB_Returns413AndChangesNothing()
    {
        var (user, accountId, before) = await AccountAsync();
        var json = $$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"{{new string('x', 70_000)}}","amount":1.00}""";

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit", json);

        Assert.Contains("65536", await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Body_LargerThan64KBWithoutContentLength_Returns413AndChangesNothing()
    {
        var (user, accountId, before) = await AccountAsync();
        var json = $$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"{{new string('x', 70_000)}}","amount":1.00}""";
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await user.Client.PostAsync("/accounts/deposit", content);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Body_NestedDeeperThan32_Returns400AndChangesNothing()
    {
        var (user, accountId, before) = await AccountAsync();
        var nested = string.Concat(Enumerable.Repeat("{\"x\":", 40)) + "1" + new string('}', 40);

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit",
            $$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":1.00,"extra":{{nested}}}""");

        Assert.Contains("nested too deeply", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Body_WithAnotherContentType_Returns415AndChangesNothing(string contentType)
    {
        var (user, accountId, before) = await AccountAsync();
        var content = new StringContent($$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":1.00}""");
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await user.Client.PostAsync("/accounts/deposit", content);

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("1e400", "amount")]
    [InlineData("-1e400", "amount")]
    [InlineData("1.00000000000000000000000000001", "amount")]
    [InlineData("123456789012345678901234567890", "amount")]
    [InlineData("1e-400", "amount")]
    [InlineData("0.1e-28", "amount")]
    public async Task Amount_DecimalCannotHoldExactly_Returns400AndChangesNothing(string amount, string field)
    {
        var (user, accountId, before) = await AccountAsync();

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit",
            $$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":{{amount}}}""");

        Assert.Contains(field, await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("1.5")]
    [InlineData("-99999999999999999999")]
    public async Task EnvelopeId_OutOfIntRange_Returns400AndChangesNothing(string envelopeId)
    {
        var (user, accountId, before) = await AccountAsync();

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit",
            $$"""{"account_id":"{{accountId}}","envelope_id":{{envelopeId}},"description":"d","amount":1.00}""");

        Assert.Contains("envelope_id", await response.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("description")]
    [InlineData("envelope")]
    public async Task ExtraLongString_Returns400AndChangesNothing(string field)
    {
        var (user, accountId, before) = await AccountAsync();
        var longText = new string('w', 20_000);
        using var response = field == "description"
            ? await user.Client.PostJsonAsync("/accounts/deposit", new { account_id = accountId, envelope_id = 0, description = longText, amount = 1.00m })
            : await user.Client.PostJsonAsync("/accounts/envelopes/addsingle", new { account_id = accountId, envelope = longText });

        var detail = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(detail.Length < 500, $"The reason should not echo the whole value: {detail.Length} characters.");
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("""{"account_id":"{0}","envelope_id":0,"description":"d","amount":"5.00"}""", "amount")]
    [InlineData("""{"account_id":"{0}","envelope_id":"zero","description":"d","amount":5.00}""", "envelope_id")]
    [InlineData("""{"account_id":5,"envelope_id":0,"description":"d","amount":5.00}""", "account_id")]
    [InlineData("""{"account_id":"{0}","envelope_id":0,"description":null,"amount":5.00}""", "description")]
    [InlineData("""{"account_id":"{0}","envelope_id":0,"description":"d"}""", "amount")]
    [InlineData("""{"account_id":"{0}","envelope_id":0,"description":"d","amount":5.00""", "line")]
    [InlineData("""[1,2,3]""", "JSON object")]
    [InlineData("""not json at all""", "not valid JSON")]
    [InlineData("", "body is required")]
    public async Task UnreadableBody_Returns400NamingTheFieldButNoDotNetType(string template, string expected)
    {
        var (user, accountId, before) = await AccountAsync();

        using var response = await user.Client.PostRawJsonAsync("/accounts/deposit", template.Replace("{0}", accountId));

        var detail = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, detail);
        Assert.DoesNotContain("NVelopes.", detail);
        Assert.DoesNotContain("System.", detail);
        Assert.DoesNotContain("Request", detail);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task RouteValue_NotANumber_Returns400NamingItWithoutItsType()
    {
        var (user, accountId, _) = await AccountAsync();

        using var response = await user.Client.GetAsync($"/accounts/{accountId}/transactions/first/10");

        var detail = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'page'", detail);
        Assert.DoesNotContain("int ", detail);
    }

    [Fact]
    public async Task ValidationErrors_AreKeyedBySnakeCaseNames()
    {
        using var response = await Factory.CreateClient().PostJsonAsync("/users/signup",
            new { full_name = "Someone", username = "ab", email = "not-an-email", password = "short" });

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["email", "password", "username"], errors.Select(e => e.Key).Order());
    }

    [Theory]
    [InlineData("/no/such/route")]
    [InlineData("/accounts/deposit/extra/segments")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    public async Task UnknownRoute_Returns404Problem(string path)
    {
        var user = await Factory.SignUpAndLogInAsync();

        using var response = await user.Client.GetAsync(path);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("PUT", "/accounts/deposit")]
    [InlineData("PATCH", "/accounts/{0}")]
    [InlineData("DELETE", "/token")]
    public async Task WrongMethod_Returns405ProblemAndChangesNothing(string method, string path)
    {
        var (user, accountId, before) = await AccountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{0}", accountId))
        {
            Content = new StringContent($$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":1.00}""", Encoding.UTF8, "application/json"),
        };

        using var response = await user.Client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("a b")]
    [InlineData("x;drop")]
    public async Task AccountId_Malformed_Returns404(string accountId)
    {
        var user = await Factory.SignUpAndLogInAsync();

        using var response = await user.Client.PostJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "d", amount = 1.00m });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AccountId_Huge_Returns404WithoutEchoingIt()
    {
        var user = await Factory.SignUpAndLogInAsync();

        using var response = await user.Client.GetAsync("/accounts/" + new string('a', 5_000));

        Assert.True((await response.ReadProblemAsync(HttpStatusCode.NotFound)).Length < 200);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("garbage")]
    public async Task Refusals_WhateverTheAcceptHeader_AreProblemDetailsWithTheReason(string accept)
    {
        var (user, accountId, before) = await AccountAsync();
        var refusals = new (HttpRequestMessage Request, HttpStatusCode Status)[]
        {
            (PostJson("/accounts/deposit", $$"""{"account_id":"{{accountId}}","padding":"{{new string('x', 70_000)}}"}"""), HttpStatusCode.RequestEntityTooLarge),
            (PostJson("/accounts/deposit", """{"account_id":"""), HttpStatusCode.BadRequest),
            (new HttpRequestMessage(HttpMethod.Get, "/accounts/0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound),
            (new HttpRequestMessage(HttpMethod.Get, "/no/such/route"), HttpStatusCode.NotFound),
        };

        foreach (var (request, status) in refusals)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await user.Client.SendAsync(request);

            await response.ReadProblemAsync(status);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(["detail", "status", "title", "trace_id", "type"], problem.Select(property => property.Key).Order());
        }
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Token_WithAMultipartTypeOverAnotherBody_Returns400WithAReason()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("grant_type=password&username=someone&password=secret"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=fuzz");

        using var response = await Factory.CreateClient().PostAsync("/token", content);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(ApiUser User, string AccountId, string Before)> AccountAsync()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");
        return (user, accountId, await user.Client.SnapshotAsync(accountId));
    }

    private static HttpRequestMessage PostJson(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A body whose length the client does not know in advance, so it is sent without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
