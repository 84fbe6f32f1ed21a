using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Account answers are whole JSON documents sent with their length, and the API description still says so.</summary>
[Collection(ApiCollection.Name)]
public sealed class AnswerFramingTests(ApiFixture fixture)
{
    [Fact]
    public async Task AccountAnswers_CarryTheirContentLength_AndTheWholeJsonBody()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m);

        using var deposit = await user.DepositAsync(accountId, 0, 2.50m);
        using var read = await user.Client.GetAsync($"/accounts/{accountId}");

        foreach (var response in new[] { deposit, read })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.Equal(12.50m, JsonNode.Parse(body)!["balance"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task TheApiDescription_GivesTheJsonShapeOfEachAccountAnswer()
    {
        var document = JsonNode.Parse(await fixture.Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var deposit = document["paths"]!["/accounts/deposit"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!;
        var read = document["paths"]!["/accounts/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!;
        var history = document["paths"]!["/accounts/{id}/transactions/{page}/{size}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!;

        Assert.Equal("#/components/schemas/AccountResponse", deposit["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/AccountResponse", read["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/TransactionResponse", history["schema"]!["items"]!["$ref"]!.GetValue<string>());
    }
}
