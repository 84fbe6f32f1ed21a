namespace NVelopes.Web.Contracts;

public sealed record AddEnvelopeBody(string AccountId, string Envelope);
