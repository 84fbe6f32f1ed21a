using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("One envelope to add to an account.")]
public sealed record AddEnvelopeRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The new envelope's name, unique in the account.")] string Envelope) : IHasExample<AddEnvelopeRequest>
{
    public static AddEnvelopeRequest Example => new(ApiExamples.AccountId, "Holiday Fund");
}
