namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/envelopes/add</c>: names of new envelopes, in order.</summary>
public sealed record AddEnvelopesRequest(string AccountId, IReadOnlyList<string> Envelopes);
