namespace NVelopes.Web.Contracts;

public sealed record ReportMonth(string Month, IReadOnlyList<ReportEnvelope> Envelopes);
