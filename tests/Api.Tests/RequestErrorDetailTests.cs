using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// The whole <c>detail</c> of a request the gateway cannot read, word for word: these sentences are what clients
/// see and match on, so a framework upgrade that changes its own exceptions must not change them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestErrorDetailTests(ApiFixture fixture)
{
    private const string Deposit = "/accounts/deposit";
    private const string Pay = "/accounts/pay";
    private const string PayFields = """{"account_id":"a","payment_source_id":0,"payer":null,"amount":5.00,"description":"d",""";

    private NVelopesApiFactory Factory => fixture.Factory;

    public static TheoryData<string, string, string> Bodies => new()
    {
        { Deposit, """{"account_id":"a","envelope_id":0,"description":"d","amount":"5.00"}""", "'amount' must be a number." },
        { Deposit, """{"account_id":"a","envelope_id":0,"description":"d","amount":1e400}""",
            "'amount' is out of range: at most 28 significant digits and 28 decimal places." },
        { Deposit, """{"account_id":"a","envelope_id":"zero","description":"d","amount":5.00}""", "'envelope_id' has the wrong type or is out of range." },
        { Deposit, """{"account_id":"a","envelope_id":99999999999,"description":"d","amount":5.00}""", "'envelope_id' has the wrong type or is out of range." },
        { Deposit, """{"account_id":"a","envelope_id":null,"description":"d","amount":5.00}""", "'envelope_id' has the wrong type or is out of range." },
        { Deposit, """{"account_id":5,"envelope_id":0,"description":"d","amount":5.00}""", "'account_id' has the wrong type or is out of range." },
        { Deposit, """{"account_id":"a","envelope_id":0,"description":null,"amount":5.00}""", "'description' may not be null." },
        { Deposit, """{"account_id":"a","envelope_id":0,"description":"d"}""", "The request body is missing required properties: 'amount'." },
        { Deposit, """{"envelope_id":0}""", "The request body is missing required properties: 'account_id', 'description', 'amount'." },
        { Deposit, """{"account_id":"a","envelope_id":0,"description":"d","amount":5.00""", "The request body is not valid JSON (line 1, position 66)." },
        { Deposit, "not json at all", "The request body is not valid JSON (line 1, position 2)." },
        { Deposit, """[1,2,3]""", "The request body must be a JSON object." },
        { Deposit, "", "A JSON request body is required." },
        { Deposit, """{"account_id":"a","envelope_id":0,"description":"d","amount":1.00,"extra":""" +
            string.Concat(Enumerable.Repeat("{\"x\":", 40)) + "1" + new string('}', 40) + "}", "The request body is nested too deeply." },
        { Pay, PayFields + """ "payments":[{"envelope_id":"x","amount":1.00}]}""", "'payments[0].envelope_id' has the wrong type or is out of range." },
        { Pay, PayFields + """ "payments":[{"envelope_id":1}]}""", "The request body is missing required properties: 'amount'." },
        { Pay, PayFields + """ "payments":5}""", "'payments' must be a JSON array." },
        { Pay, PayFields + """ "payments":[5]}""", "'payments[0]' must be a JSON object." },
        { "/accounts/envelopes/add", """{"account_id":"a","envelopes":null}""", "'envelopes' must be a JSON array." },
        { "/accounts/envelopes/add", """{"account_id":"a","envelopes":[1]}""", "'envelopes[0]' has the wrong type or is out of range." },
        { "/users/signup", """{"full_name":"x","username":"abc","password":"abcdefghij"}""", "The request body is missing required properties: 'email'." },
        { "/users/signup", """{"full_name":"x","username":"abc","email":null,"password":"abcdefghij"}""", "'email' may not be null." },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task UnreadableBody_IsAnsweredWithItsReason(string path, string json, string detail)
    {
        var user = await Factory.SignUpAndLogInAsync();

        using var response = await user.Client.PostRawJsonAsync(path, json);

        Assert.Equal(detail, await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/transactions/first/10", "'page' must be a whole number; got \"first\".")]
    [InlineData("/transactions/0/x", "'size' must be a whole number; got \"x\".")]
    [InlineData("/changes?since=abc", "'since' must be a whole number; got \"abc\".")]
    [InlineData("/changes?limit=1.5", "'limit' must be a whole number; got \"1.5\".")]
    public async Task UnparsableRouteOrQueryValue_IsNamedWithWhatItMustBe(string route, string detail)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food");

        using var response = await user.Client.GetAsync($"/accounts/{accountId}{route}");

        Assert.Equal(detail, await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }
}
