using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Storage;

/// <summary>
/// One atomic write of an account: its new state, the <see cref="Events"/> that made it (versions
/// <c>ExpectedVersion + 1</c> … <see cref="NewVersion"/>, appended to the account's log) and the change to its
/// effective history since <see cref="ExpectedVersion"/>. History ids at or above <see cref="FirstChangedTransactionId"/> are replaced by
/// <see cref="Appended"/> (ids contiguous from there up to <c>Account.NextTransactionId - 1</c>), which covers
/// appends, undos, and any mix of them when several commands share one write. <see cref="Replies"/> are the
/// answers of the commands with idempotency keys that this write applies, stored in the same atomic write.
/// </summary>
/// <param name="StoredNextTransactionId">
/// The <c>NextTransactionId</c> of the account as stored at <see cref="ExpectedVersion"/> (0 for an opening), when the
/// writer knows it. The stored history then ends just below it, so a commit that changes nothing below it only
/// appends (see <see cref="OnlyAppends"/>). Null when unknown: the store must assume the commit replaces history.
/// </param>
public sealed record AccountCommit(
    Account Account,
    long ExpectedVersion,
    long FirstChangedTransactionId,
    IReadOnlyList<Transaction> Appended,
    IReadOnlyList<RecordedEvent> Events,
    IReadOnlyList<RememberedReply>? Replies = null,
    long? StoredNextTransactionId = null)
{
    public IReadOnlyList<RememberedReply> RepliesToRemember => Replies ?? [];

    /// <summary>
    /// The import ids of the statement lines this commit records (<see cref="Transaction.ImportId"/> of its new
    /// money events), which the store adds to the account's set in the same atomic write. A redo brings back a
    /// transaction whose id the set holds already, so only new recordings count.
    /// </summary>
    public IEnumerable<string> NewImportIds =>
        Events.Select(e => e.Event).OfType<MoneyEvent>().Select(m => m.Transaction.ImportId).OfType<string>();

    /// <summary>The version of the commit's newest event, which the account is stored at.</summary>
    public long NewVersion => ExpectedVersion + Events.Count;

    /// <summary>
    /// True when the commit removes no stored history (no undo among its commands), so a store need not delete
    /// anything before it inserts <see cref="Appended"/>. Only an undo removes history.
    /// </summary>
    public bool OnlyAppends => StoredNextTransactionId is { } stored && FirstChangedTransactionId >= stored;

    /// <summary>
    /// Refuses a commit whose parts do not fit together: the effective history must run contiguously from
    /// <see cref="FirstChangedTransactionId"/> to the account's next transaction id, and the events from
    /// <c>ExpectedVersion + 1</c> to the account's version. Stores check it before writing anything.
    /// </summary>
    public void RequireConsistent()
    {
        if (FirstChangedTransactionId < 0 || FirstChangedTransactionId + Appended.Count != Account.NextTransactionId)
        {
            throw new ArgumentException(
                $"Commit of account {Account.Id}: history from {FirstChangedTransactionId} with {Appended.Count} appended " +
                $"transactions does not end at NextTransactionId {Account.NextTransactionId}.");
        }
        for (var i = 0; i < Appended.Count; i++)
        {
            var transaction = Appended[i];
            if (transaction.Id != FirstChangedTransactionId + i || transaction.AccountId != Account.Id)
            {
                throw new ArgumentException(
                    $"Commit of account {Account.Id}: appended transaction {i} is {transaction.AccountId}/{transaction.Id}, " +
                    $"expected {Account.Id}/{FirstChangedTransactionId + i}.");
            }
        }
        if (Events.Count == 0 || NewVersion != Account.Version)
        {
            throw new ArgumentException(
                $"Commit of account {Account.Id}: {Events.Count} events on version {ExpectedVersion} do not reach the account's version {Account.Version}.");
        }
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].Version != ExpectedVersion + 1 + i)
                throw new ArgumentException(
                    $"Commit of account {Account.Id}: event {i} has version {Events[i].Version}, expected {ExpectedVersion + 1 + i}.");
        }
    }
}
