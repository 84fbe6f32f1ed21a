using NVelopes.Grains.Domain;

namespace NVelopes.Grains.Storage;

/// <summary>
/// One atomic write of an account: its new state and the change to its history since
/// <see cref="ExpectedVersion"/>. History ids at or above <see cref="FirstChangedTransactionId"/> are replaced by
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
    IReadOnlyList<RememberedReply>? Replies = null,
    long? StoredNextTransactionId = null)
{
    public IReadOnlyList<RememberedReply> RepliesToRemember => Replies ?? [];

    public long NewVersion => ExpectedVersion + 1;

    /// <summary>
    /// True when the commit removes no stored history (no undo among its commands), so a store need not delete
    /// anything before it inserts <see cref="Appended"/>. Only an undo removes history.
    /// </summary>
    public bool OnlyAppends => StoredNextTransactionId is { } stored && FirstChangedTransactionId >= stored;
}
