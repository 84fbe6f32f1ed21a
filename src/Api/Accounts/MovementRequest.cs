using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("Money into (deposit) or out of (debit, cash) one envelope.")]
public sealed record MovementRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The envelope's id; 0 is Available.")] int EnvelopeId,
    [property: Description("Why, as the history shows it.")] string Description,
    [property: Description("How much: more than 0, whole cents.")] decimal Amount) : IHasExample<MovementRequest>
{
    public static MovementRequest Example => new(ApiExamples.AccountId, 1, "weekly shop refund", 12.34m);
}
