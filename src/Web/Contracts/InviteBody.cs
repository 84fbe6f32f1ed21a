namespace NVelopes.Web.Contracts;

public sealed record InviteBody(string Username, string Role);
