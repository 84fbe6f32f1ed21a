using System.Text;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Chunked bodies sent as raw bytes to a real Kestrel listener: one that cannot be read as framed (a chunk size that
/// overflows or is not hex, a trailer Kestrel cannot decode) or that is transfer-coded beyond chunked is the client's
/// error, a 400 problem details with the reason, on every route, and changes nothing; a well-formed one with chunk
/// extensions and a trailer is taken.
/// </summary>
[Collection(KestrelApiCollection.Name)]
public sealed class ChunkedBodyTests(KestrelApiFixture fixture)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFFFF")]
    [InlineData("80000000")]
    [InlineData("100000000")]
    public async Task ChunkSize_ThatOverflows_Returns400OnEveryKindOfRouteAndChangesNothing(string size)
    {
        var (user, accountId, before) = await AccountAsync();

        foreach (var (method, path, contentType, body) in Requests(user, accountId))
        {
            var response = await SendAsync(user, method, path, contentType, "Transfer-Encoding: chunked", $"{size}\r\n{body}\r\n0\r\n\r\n");

            AssertRefused(response, 400, "bad chunk size data", $"{method} {path}");
        }
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("-1")]
    [InlineData("0x10")]
    public async Task ChunkSize_NotInHex_Returns400NamingItAndChangesNothing(string size)
    {
        var (user, accountId, before) = await AccountAsync();

        var response = await SendAsync(user, "POST", "/accounts/deposit", "application/json", "Transfer-Encoding: chunked",
            $"{size}\r\n{DepositJson(accountId)}\r\n0\r\n\r\n");

        AssertRefused(response, 400, "bad chunk size data", size);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task Trailer_KestrelCannotDecode_Returns400AndChangesNothing()
    {
        var (user, accountId, before) = await AccountAsync();
        var json = DepositJson(accountId);

        var response = await SendAsync(user, "POST", "/accounts/deposit", "application/json", "Transfer-Encoding: chunked",
            $"{json.Length:x}\r\n{json}\r\n0\r\nX-Trailer: caf\u00e9\r\n\r\n");

        AssertRefused(response, 400, "could not be read", "trailer");
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Theory]
    [InlineData("gzip, chunked")]
    [InlineData("chunked, chunked")]
    [InlineData("chunked\r\nTransfer-Encoding: chunked")]
    public async Task TransferCoding_BesidesChunkedOnce_Returns400AndChangesNothing(string codings)
    {
        var (user, accountId, before) = await AccountAsync();
        var json = DepositJson(accountId);

        var response = await SendAsync(user, "POST", "/accounts/deposit", "application/json", "Transfer-Encoding: " + codings,
            $"{json.Length:x}\r\n{json}\r\n0\r\n\r\n");

        AssertRefused(response, 400, "Transfer-Encoding", codings);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [Fact]
    public async Task ChunkedBody_WithExtensionsAndATrailer_IsTaken()
    {
        var (user, accountId, _) = await AccountAsync();
        var json = DepositJson(accountId);

        var response = await SendAsync(user, "POST", "/accounts/deposit", "application/json", "Transfer-Encoding: chunked",
            $"5;name=value\r\n{json[..5]}\r\n{json.Length - 5:x}\r\n{json[5..]}\r\n0\r\nX-Trailer: 1\r\n\r\n");

        Assert.Equal(200, response?.Status);
        Assert.Equal(101.00m, (await user.Client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal());
    }

    /// <summary>One request of each kind: a JSON command, the sign-up, the token form, a read and a close.</summary>
    private static (string Method, string Path, string ContentType, string Body)[] Requests(ApiUser user, string accountId) =>
    [
        ("POST", "/accounts/deposit", "application/json", DepositJson(accountId)),
        ("POST", "/users/signup", "application/json",
            $$"""{"full_name":"Chunked","username":"chunked{{Guid.NewGuid():N}}","email":"c@example.com","password":"{{ApiUsers.DefaultPassword}}"}"""),
        ("POST", "/token", "application/x-www-form-urlencoded", $"grant_type=password&username={user.Username}&password=x"),
        ("GET", $"/accounts/{accountId}", "application/json", "{}"),
        ("DELETE", $"/accounts/{accountId}", "application/json", "{}"),
    ];

    private static string DepositJson(string accountId) => $$"""{"account_id":"{{accountId}}","envelope_id":0,"description":"d","amount":1.00}""";

    private Task<RawHttpResponse?> SendAsync(ApiUser user, string method, string path, string contentType, string framing, string body) =>
        RawHttp.SendAsync(fixture.EndPoint, Encoding.Latin1.GetBytes(
            $"{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {user.Token}\r\nConnection: close\r\n" +
            $"Content-Type: {contentType}\r\n{framing}\r\n\r\n{body}"), AnswerTimeout);

    private static void AssertRefused(RawHttpResponse? response, int status, string reason, string request)
    {
        Assert.NotNull(response);
        Assert.True(response.Status == status, $"{request}: expected {status}, got {response.Status}: {Encoding.UTF8.GetString(response.Body)}");
        var detail = response.ProblemDetail();
        Assert.True(detail?.Contains(reason, StringComparison.Ordinal) == true, $"{request}: the reason should say '{reason}': {detail}");
    }

    private async Task<(ApiUser User, string AccountId, string Before)> AccountAsync()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(100.00m);
        return (user, accountId, await user.Client.SnapshotAsync(accountId));
    }
}
