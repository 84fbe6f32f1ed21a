namespace NVelopes.Grains.Domain.Households;

/// <summary>
/// A pending invitation to join the account with <see cref="Role"/>, for whoever holds <see cref="Username"/>
/// (its normalised key) when they accept. <see cref="InvitedBy"/> is the inviting owner's user id.
/// </summary>
public sealed record Invitation(string Id, string Username, MemberRole Role, string InvitedBy, DateTimeOffset At);
