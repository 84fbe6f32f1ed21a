using NVelopes.Grains.Domain;

namespace NVelopes.Grains.Storage;

/// <summary>
/// One atomic write of an account: its new state and the change to its history since
/// <see cref="ExpectedVersion"/>. History ids at or above <see cref="FirstChangedTransactionId"/> are replaced by
/// <see cref="Appended"/> (ids contiguous from there up to <c>Account.NextTransactionId - 1</c>), which covers
/// appends, undos, and any mix of them when several commands share one write. <see cref="Replies"/> are the
/// answers of the commands with idempotency keys that this write applies, stored in the same atomic write.
/// </summary>
public sealed record AccountCommit(
    Account Account,
    long ExpectedVersion,
    long FirstChangedTransactionId,
    IReadOnlyList<Transaction> Appended,
    IReadOnlyList<RememberedReply>? Replies = null)
{
    public IReadOnlyList<RememberedReply> RepliesToRemember => Replies ?? [];

    public long NewVersion => ExpectedVersion + 1;
}
