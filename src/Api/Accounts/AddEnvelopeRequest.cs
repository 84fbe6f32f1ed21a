namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/envelopes/addsingle</c>.</summary>
public sealed record AddEnvelopeRequest(string AccountId, string Envelope);
