using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A new account; its opening balance goes to envelope 0, Available.")]
public sealed record NewAccountRequest(
    [property: Description("The account's name.")] string Name,
    [property: Description("What the account holds when it opens: 0 or more, whole cents.")] decimal OpeningBalance,
    [property: Description("Whether envelopes may go below 0.")] bool CanGoNegative = true) : IHasExample<NewAccountRequest>
{
    public static NewAccountRequest Example => new(ApiExamples.AccountName, 100.00m, false);
}
