namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/envelopes/rename</c>.</summary>
public sealed record RenameEnvelopeRequest(string AccountId, int EnvelopeId, string NewName);
