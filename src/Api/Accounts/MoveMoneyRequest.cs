using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("Money to move from one envelope to another of the same account.")]
public sealed record MoveMoneyRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The envelope the money comes from.")] int FromId,
    [property: Description("The envelope it goes to; not the same one.")] int ToId,
    [property: Description("Why, as the history shows it.")] string Description,
    [property: Description("How much: more than 0, whole cents.")] decimal Amount) : IHasExample<MoveMoneyRequest>
{
    public static MoveMoneyRequest Example => new(ApiExamples.AccountId, 0, 1, "topping up the weekly shop", 60.00m);
}
