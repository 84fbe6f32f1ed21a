namespace NVelopes.Grains.Domain.Households;

/// <summary>
/// A user who shares the account, by user id. <see cref="InvitationId"/> is the invitation they joined through
/// (null for the user who opened the account), so that a retried accept is recognised as done.
/// </summary>
public sealed record Member(string UserId, MemberRole Role, string? InvitationId = null);
