namespace NVelopes.Web.Contracts;

/// <summary>One person an account is shared with, and their role: <c>owner</c>, <c>editor</c> or <c>viewer</c>.</summary>
public sealed record Member(string UserId, string Username, string FullName, string Role);
