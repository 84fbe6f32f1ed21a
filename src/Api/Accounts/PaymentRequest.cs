using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("One line of a split: how much of a payment goes to which envelope.")]
public sealed record PaymentRequest(
    [property: Description("The envelope's id.")] int EnvelopeId,
    [property: Description("How much goes to it: more than 0, whole cents.")] decimal Amount) : IHasExample<PaymentRequest>
{
    public static PaymentRequest Example => new(1, 800.00m);
}
