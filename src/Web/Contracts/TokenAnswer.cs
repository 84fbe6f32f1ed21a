namespace NVelopes.Web.Contracts;

/// <summary>The answer of <c>POST /token</c> and <c>POST /token/renew</c>.</summary>
public sealed record TokenAnswer(string AccessToken);
