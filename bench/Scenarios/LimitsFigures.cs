namespace NVelopes.Bench.Scenarios;

/// <summary>What the limits scenario measured: the silo's memory around requests a script sends and a household never does.</summary>
internal sealed record LimitsFigures(
    int UnknownIds, int UnknownNotFound, int ActivationsBefore, int ActivationsAfterUnknown,
    long HeapBefore, long HeapAfterHalfUnknown, long HeapAfterUnknown, long HeapAfterEnvelopes,
    long WorkingSetBefore, long WorkingSetAfterUnknown, long WorkingSetAfterEnvelopes,
    int EnvelopesAdded, int EnvelopesRefused, double EnvelopeAddP99Milliseconds);
