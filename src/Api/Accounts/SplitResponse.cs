using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("One line of a split: envelope `id` gets `amount`.")]
public sealed record SplitResponse(
    [property: Description("The envelope's id.")] int Id,
    [property: Description("How much goes to it.")] decimal Amount) : IHasExample<SplitResponse>
{
    public static SplitResponse Example => new(1, 800.00m);
}
