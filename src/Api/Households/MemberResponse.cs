using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Households;

[Description("One member of an account.")]
public sealed record MemberResponse(
    [property: Description("The member's user id: the `actor` of what they record in the history and the change feed.")] string UserId,
    [property: Description("The member's username.")] string Username,
    [property: Description("The member's full name.")] string FullName,
    [property: Description("The member's role: `owner`, `editor` or `viewer`.")] string Role) : IHasExample<MemberResponse>
{
    public static MemberResponse Example => new(ApiExamples.UserId, ApiExamples.Username, "Joe Bloggs", "owner");
}
