using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A payment source and its split, replacing what it was.")]
public sealed record UpdatePayerRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The payment source's id.")] int PaymentSourceId,
    [property: Description("Who pays.")] string Payer,
    [property: Description("The usual amount of a pay; the split must not exceed it.")] decimal Amount,
    [property: Description("The split: how much of each pay goes to which envelope, the rest to Available; absent, null or empty: no split.")]
    IReadOnlyList<PaymentRequest>? Payments = null) : IHasExample<UpdatePayerRequest>
{
    public static UpdatePayerRequest Example => new(ApiExamples.AccountId, 0, ApiExamples.Employer, 2025.00m, [PaymentRequest.Example, new(2, 750.00m)]);
}
