using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A pay day from a payment source.")]
public sealed record PayRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The payment source paying: it chooses the stored split.")] int PaymentSourceId,
    [property: Description("The name this pay is recorded under (the history shows `payer - description`); null: the payment " +
        "source's name. Any name is accepted: it labels the pay and never chooses the payment source or its split.")] string? Payer,
    [property: Description("How much was paid: more than 0, whole cents, at least the split's total.")] decimal Amount,
    [property: Description("Why, as the history shows it.")] string Description,
    [property: Description("The split of this pay: absent or null pays by the payment source's stored split; `[]` with no split, all to Available.")]
    IReadOnlyList<PaymentRequest>? Payments = null) : IHasExample<PayRequest>
{
    public static PayRequest Example => new(ApiExamples.AccountId, 0, ApiExamples.Employer, 2105.00m, "Pay day!", null);
}
