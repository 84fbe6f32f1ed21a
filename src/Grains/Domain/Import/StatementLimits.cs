namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// How big one statement may be: a year of a busy account's transactions many times over, and small enough that
/// one import is one write the account can make at once, with every line in memory while it is checked.
/// </summary>
public static class StatementLimits
{
    /// <summary>Transactions of one statement (its records, not its text lines: an OFX transaction spans several).</summary>
    public const int MaxLines = 10_000;

    /// <summary>Bytes of one statement file.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;
}
