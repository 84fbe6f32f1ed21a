namespace NVelopes.Web.Contracts;

public sealed record RoleBody(string Role);
