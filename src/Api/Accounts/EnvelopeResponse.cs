using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("An envelope: a named share of the account's money.")]
public sealed record EnvelopeResponse(
    [property: Description("The envelope's id: its position, from 0 (Available).")] int Id,
    [property: Description("The envelope's name, unique in the account.")] string Name,
    [property: Description("What the envelope holds; negative only in an account that can go negative.")] decimal Balance)
    : IHasExample<EnvelopeResponse>
{
    public static EnvelopeResponse Example => new(1, ApiExamples.Groceries, 512.40m);
}
