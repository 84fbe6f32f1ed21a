using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Reports;

/// <summary>Every month of the range, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.SpendingReportView")]
public sealed record SpendingReportView(ImmutableArray<SpendingMonthView> Months);

/// <summary>One month (<c>YYYY-MM</c>, UTC) and the envelopes that had money in or out in it, by id.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.SpendingMonthView")]
public sealed record SpendingMonthView(string Month, ImmutableArray<EnvelopeFlowView> Envelopes);

/// <summary>An envelope's money in and out in one month; <see cref="Name"/> is its name now.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.EnvelopeFlowView")]
public sealed record EnvelopeFlowView(int EnvelopeId, string Name, decimal In, decimal Out);
