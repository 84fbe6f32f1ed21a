namespace NVelopes.Api.Households;

/// <summary>The body of <c>POST /accounts/{id}/invitations</c>: whom to invite (a username) and with which role.</summary>
public sealed record InviteRequest(string Username, string Role);
