using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Storage;

/// <summary>
/// The storage port of the account grains. Every adapter (embedded SQLite, MongoDB) keeps an account's state, its
/// event log and its effective history so that they never disagree: <see cref="CommitAsync"/> applies one commit
/// atomically, or not at all. The log is kept one record per event, addressed by (account id, version), and never
/// changed once written; the effective history (the transactions not undone) one record per transaction, addressed
/// by (account id, transaction id). Either way a page is a range read whose cost does not depend on how deep it is.
/// </summary>
public interface IAccountStore
{
    /// <summary>The store's short name (<c>sqlite</c>, <c>mongodb</c>), as metrics, traces and health answers name it.</summary>
    string Name { get; }

    /// <summary>Creates tables, collections and indexes if they are missing. Idempotent; never drops data.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The account and the version of its last commit, or null when it was never opened.</summary>
    Task<StoredAccount?> LoadAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <see cref="AccountCommit.Account"/> at <see cref="AccountCommit.NewVersion"/>, appends
    /// <see cref="AccountCommit.Events"/> to the account's log, and makes the effective history
    /// hold exactly transactions 0 … <c>Account.NextTransactionId - 1</c>: those from
    /// <see cref="AccountCommit.FirstChangedTransactionId"/> on are replaced by <see cref="AccountCommit.Appended"/>.
    /// The commit's <see cref="AccountCommit.Replies"/> are stored in the same atomic write.
    /// Throws Orleans' <c>InconsistentStateException</c> and writes nothing when the stored version is not
    /// <see cref="AccountCommit.ExpectedVersion"/> (0: the account must not exist yet).
    /// </summary>
    Task CommitAsync(AccountCommit commit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> events with versions after <paramref name="afterVersion"/>, oldest first.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string accountId, long afterVersion, int count, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> transactions with ids from <paramref name="fromId"/>, oldest first.</summary>
    Task<IReadOnlyList<Transaction>> ReadTransactionsAsync(string accountId, long fromId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// The transactions of the effective history dated from <paramref name="from"/> (inclusive) to
    /// <paramref name="until"/> (exclusive), in id order, as the store finds them: a query of the store read as it
    /// streams, never the whole history at once. Reports fold them (<c>SpendingReport</c>).
    /// </summary>
    IAsyncEnumerable<Transaction> ReadTransactionsDatedAsync(
        string accountId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// The reply remembered under <paramref name="key"/> for this account by an earlier commit, or null when there
    /// is none or it expired before <paramref name="now"/>.
    /// </summary>
    Task<RememberedReply?> FindReplyAsync(string accountId, string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="importIds"/> the account holds: the import ids of every statement line ever recorded
    /// in it (<see cref="AccountCommit.NewImportIds"/>), an undone one included. At most
    /// <see cref="Domain.Import.StatementLimits.MaxLines"/> ids are asked at once.
    /// </summary>
    Task<IReadOnlySet<string>> FindImportIdsAsync(string accountId, IReadOnlyCollection<string> importIds, CancellationToken cancellationToken);

    /// <summary>The open accounts of one owner, ordered by name then id.</summary>
    Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(string ownerId, CancellationToken cancellationToken);
}
