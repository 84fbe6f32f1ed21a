namespace NVelopes.Web.Contracts;

public sealed record RenameEnvelopeBody(string AccountId, int EnvelopeId, string NewName);
