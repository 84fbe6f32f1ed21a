namespace NVelopes.Grains.Domain;

/// <summary>
/// How much one account and one owner may hold: far more than a household's budget ever needs, far less than a
/// script needs to make every answer about an account, and the memory of the silo that holds it, grow without end.
/// The account's own rules check them (<see cref="Account"/>); the gateway's API description states them.
/// </summary>
public static class AccountLimits
{
    /// <summary>Envelopes of one account, "Available" included.</summary>
    public const int EnvelopesPerAccount = 200;

    public const int PaymentSourcesPerAccount = 50;

    /// <summary>Lines of one split: of a payment source, or of a pay day that brings its own.</summary>
    public const int SplitsPerPayment = 50;

    /// <summary>Accounts one owner may have open at once; closed accounts do not count.</summary>
    public const int OpenAccountsPerOwner = 100;

    /// <summary>Schedules of one account.</summary>
    public const int SchedulesPerAccount = 50;

    /// <summary>Transactions one page of the history may hold.</summary>
    public const int TransactionsPerPage = 1000;

    /// <summary>Events one read of the account's changes may list.</summary>
    public const int ChangesPerRead = 1000;

    /// <summary>Occurrences a new or changed schedule may apply at once, from a start in the past: a year of daily ones.</summary>
    public const int OccurrencesCaughtUpAtOnce = 366;
}
