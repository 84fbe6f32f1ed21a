namespace NVelopes.Api.Users;

/// <summary>What <c>GET /users/me</c> shows of the caller.</summary>
public sealed record UserResponse(string Username, string Email, string FullName, bool Disabled);
