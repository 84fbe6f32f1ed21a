namespace NVelopes.Api.Households;

/// <summary>
/// A pending invitation: its id (to accept, decline or withdraw it), the account, the username invited, the role
/// offered, the inviting owner's username and when they invited.
/// </summary>
public sealed record InvitationResponse(
    string InvitationId, string AccountId, string AccountName, string Username, string Role, string InvitedBy, DateTime InvitedAt);
