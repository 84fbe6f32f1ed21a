using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("Envelopes to add to an account, in order.")]
public sealed record AddEnvelopesRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The new envelopes' names, unique in the account; they get the next ids in this order.")] IReadOnlyList<string> Envelopes)
    : IHasExample<AddEnvelopesRequest>
{
    public static AddEnvelopesRequest Example => new(ApiExamples.AccountId, [ApiExamples.Groceries, "Mortgage", "Car"]);
}
