namespace NVelopes.Api.Households;

/// <summary>The body of <c>PUT /accounts/{id}/members/{username}</c>: the member's new role.</summary>
public sealed record RoleRequest(string Role);
