namespace NVelopes.Web.Contracts;

/// <summary>A pending invitation to share an account, as the owner and the invitee both see it.</summary>
public sealed record Invitation(
    string InvitationId, string AccountId, string AccountName, string Username, string Role, string InvitedBy, DateTime InvitedAt);
