using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Households;

[Description("A pending invitation to share an account.")]
public sealed record InvitationResponse(
    [property: Description("The invitation's id: accept, decline or withdraw it by this.")] string InvitationId,
    [property: Description("The account it shares.")] string AccountId,
    [property: Description("The account's name.")] string AccountName,
    [property: Description("The username invited.")] string Username,
    [property: Description("The role offered: `owner`, `editor` or `viewer`.")] string Role,
    [property: Description("The username of the owner who invited.")] string InvitedBy,
    [property: Description("When they invited (UTC).")] DateTime InvitedAt) : IHasExample<InvitationResponse>
{
    public static InvitationResponse Example => new(
        ApiExamples.InvitationId, ApiExamples.AccountId, ApiExamples.AccountName, ApiExamples.Invitee, "editor", ApiExamples.Username, ApiExamples.At);
}
