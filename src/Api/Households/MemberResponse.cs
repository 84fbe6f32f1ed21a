using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Households;

[Description("One member of an account.")]
public sealed record MemberResponse(
    [property: Description("The member's username.")] string Username,
    [property: Description("The member's full name.")] string FullName,
    [property: Description("The member's role: `owner`, `editor` or `viewer`.")] string Role) : IHasExample<MemberResponse>
{
    public static MemberResponse Example => new(ApiExamples.Username, "Joe Bloggs", "owner");
}
