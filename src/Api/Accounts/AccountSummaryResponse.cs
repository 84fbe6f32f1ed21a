using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("One of the caller's open accounts.")]
public sealed record AccountSummaryResponse(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The account's name.")] string Name,
    [property: Description("The account's balance.")] decimal Balance) : IHasExample<AccountSummaryResponse>
{
    public static AccountSummaryResponse Example => new(ApiExamples.AccountId, ApiExamples.AccountName, 1292.40m);
}
