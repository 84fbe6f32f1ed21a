namespace NVelopes.Web.Contracts;

public sealed record ReportEnvelope(int EnvelopeId, string Name, decimal In, decimal Out);
