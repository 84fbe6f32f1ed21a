using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// A checked commit with its documents already built, so that the writer, which serves every account, spends its
/// time on I/O and not on mapping. It is written alone or together with other accounts' commits.
/// </summary>
internal sealed record PreparedCommit(
    AccountCommit Commit,
    AccountDocument Account,
    IReadOnlyList<TransactionDocument> Appended,
    IReadOnlyList<EventDocument> Events,
    IReadOnlyList<ReplyDocument> Replies,
    IReadOnlyList<ImportIdDocument> ImportIds)
{
    public string AccountId => Account.Id;
}
