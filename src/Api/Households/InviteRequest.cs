using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Households;

[Description("Whom to invite to the account, and with which role.")]
public sealed record InviteRequest(
    [property: Description("The username to invite, in any letter case.")] string Username,
    [property: Description("The role offered: `owner`, `editor` or `viewer`.")] string Role) : IHasExample<InviteRequest>
{
    public static InviteRequest Example => new(ApiExamples.Invitee, "editor");
}
