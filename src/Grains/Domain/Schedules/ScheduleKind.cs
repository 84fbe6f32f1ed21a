namespace NVelopes.Grains.Domain.Schedules;

/// <summary>What a schedule does on each occurrence.</summary>
public enum ScheduleKind
{
    /// <summary>A pay day from a payment source: its split applies, the rest goes to Available.</summary>
    Pay,
    /// <summary>Moves amounts from Available into envelopes.</summary>
    Fill,
    /// <summary>Takes an amount from one envelope (a standing order).</summary>
    Debit,
}
