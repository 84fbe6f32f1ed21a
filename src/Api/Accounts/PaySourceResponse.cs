using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A payment source (an employer, say) and how its pay is split over envelopes.")]
public sealed record PaySourceResponse(
    [property: Description("The payment source's id, from 0.")] int Id,
    [property: Description("Who pays.")] string Payer,
    [property: Description("The usual amount of a pay.")] decimal Amount,
    [property: Description("The split: how much of each pay goes to which envelope; the rest goes to Available.")] IReadOnlyList<SplitResponse> Envelopes)
    : IHasExample<PaySourceResponse>
{
    public static PaySourceResponse Example => new(0, ApiExamples.Employer, 2000.00m, [SplitResponse.Example, new(2, 750.00m)]);
}
