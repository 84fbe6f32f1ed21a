namespace NVelopes.Grains.Domain;

/// <summary>The operations that move money and enter the history (the original's "op" values).</summary>
public enum TransactionKind
{
    Deposit,
    Debit,
    Atm,
    Move,
    Pay,
    /// <summary>Amounts moved from Available into envelopes at once (a scheduled fill); its lines are the split.</summary>
    Fill,
}
