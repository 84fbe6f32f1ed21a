namespace NVelopes.Grains.Domain;

/// <summary>The rules every amount of money obeys: exact decimals, whole cents, bounded.</summary>
public static class Money
{
    public const decimal MaximumAmount = 1_000_000_000m;

    /// <summary>A movement of money: more than zero, whole cents, at most <see cref="MaximumAmount"/>.</summary>
    public static decimal Amount(decimal value, string field = "amount")
    {
        if (value <= 0) throw DomainException.Invalid($"{field} must be greater than 0.");
        return Cents(value, field);
    }

    /// <summary>An opening balance: zero or more, whole cents, at most <see cref="MaximumAmount"/>.</summary>
    public static decimal OpeningBalance(decimal value, string field = "opening_balance")
    {
        if (value < 0) throw DomainException.Invalid($"{field} must not be negative.");
        return Cents(value, field);
    }

    private static decimal Cents(decimal value, string field)
    {
        if (value > MaximumAmount) throw DomainException.Invalid($"{field} must be at most {MaximumAmount:0}.");
        var rounded = decimal.Round(value, 2);
        if (rounded != value) throw DomainException.Invalid($"{field} must be a whole number of cents (at most 2 decimal places).");
        return rounded;
    }
}
