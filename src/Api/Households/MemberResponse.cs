namespace NVelopes.Api.Households;

/// <summary>One member of an account: username, full name and role (<c>owner</c>, <c>editor</c> or <c>viewer</c>).</summary>
public sealed record MemberResponse(string Username, string FullName, string Role);
