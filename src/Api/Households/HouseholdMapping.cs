using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Households;

/// <summary>Maps the household's grain views to their HTTP answers.</summary>
public static class HouseholdMapping
{
    public static InvitationResponse ToResponse(this InvitationView invitation) => new(
        invitation.InvitationId, invitation.AccountId, invitation.AccountName, invitation.Username, invitation.Role,
        invitation.InvitedBy, invitation.At.UtcDateTime);

    public static IReadOnlyList<InvitationResponse> ToResponses(this IEnumerable<InvitationView> invitations) =>
        [.. invitations.Select(ToResponse)];

    public static IReadOnlyList<MemberResponse> ToResponses(this MemberList members) =>
        [.. members.Members.Select(m => new MemberResponse(m.UserId, m.Username, m.FullName, m.Role))];
}
