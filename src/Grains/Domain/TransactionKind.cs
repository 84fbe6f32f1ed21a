namespace NVelopes.Grains.Domain;

/// <summary>The operations that move money and enter the history (the original's "op" values).</summary>
public enum TransactionKind
{
    Deposit,
    Debit,
    Atm,
    Move,
    Pay,
}
