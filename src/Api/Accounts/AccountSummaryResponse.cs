using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("One of the open accounts the caller is a member of, with their role.")]
public sealed record AccountSummaryResponse(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The account's name.")] string Name,
    [property: Description("The account's balance.")] decimal Balance,
    [property: Description("The caller's role on the account: `owner`, `editor` or `viewer`.")] string Role) : IHasExample<AccountSummaryResponse>
{
    public static AccountSummaryResponse Example => new(ApiExamples.AccountId, ApiExamples.AccountName, 1292.40m, "owner");
}
