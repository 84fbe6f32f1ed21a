using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A new name for an envelope, envelope 0 (Available) included.")]
public sealed record RenameEnvelopeRequest(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The envelope's id.")] int EnvelopeId,
    [property: Description("Its new name, unique in the account.")] string NewName) : IHasExample<RenameEnvelopeRequest>
{
    public static RenameEnvelopeRequest Example => new(ApiExamples.AccountId, 1, "Food");
}
