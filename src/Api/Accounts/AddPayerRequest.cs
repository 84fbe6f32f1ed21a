using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A new payment source and its split.")]
public sealed record AddPayerRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("Who pays (an employer, say).")] string Payer,
    [property: Description("The usual amount of a pay; the split must not exceed it.")] decimal Amount,
    [property: Description("The split: how much of each pay goes to which envelope, the rest to Available; absent, null or empty: no split.")]
    IReadOnlyList<PaymentRequest>? Payments = null) : IHasExample<AddPayerRequest>
{
    public static AddPayerRequest Example => new(ApiExamples.AccountId, ApiExamples.Employer, 2000.00m, [PaymentRequest.Example, new(2, 750.00m)]);
}
