using NVelopes.Bench.Seeding;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The storage of the original NVelopes (its <c>app/db.py</c>), ported: a read of the account outside any
/// transaction, then one store transaction that writes the changed account fields without any version check and
/// inserts the transaction record. The gap between the read and the write is where concurrent updates get lost.
/// </summary>
internal interface IBaselineStore : IAsyncDisposable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The user with this username, or null (<c>db.get_user(username)</c>, read by every authenticated request).</summary>
    Task<BaselineUser?> FindUserAsync(string username, CancellationToken cancellationToken);

    /// <summary>Writes a user directly (set-up, not measured).</summary>
    Task InsertUserAsync(BaselineUser user, CancellationToken cancellationToken);

    /// <summary>The owner's account as stored, or null (<c>db.get_account(owner_id, account_id)</c>).</summary>
    Task<Account?> FindAsync(string ownerId, string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="change"/> over whatever is stored now (<c>db.save_envelope_change(s)</c>): the account's
    /// balance, next transaction id and changed envelopes, and the recorded transaction, in one transaction.
    /// </summary>
    Task SaveAsync(Account before, AccountChange change, CancellationToken cancellationToken);

    /// <summary>Writes seeded accounts and their histories directly (set-up, not measured).</summary>
    Task InsertAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken cancellationToken);
}
