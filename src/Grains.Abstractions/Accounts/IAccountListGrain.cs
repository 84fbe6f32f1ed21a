using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

/// <summary>
/// The accounts one user is a member of, keyed by the user id a token carries. A stateless worker: the accounts the
/// user opened come from the account store, the accounts others share with them from the user's identity grain, so
/// listing keeps no state and no user grain reads the account store.
/// </summary>
[Alias("NVelopes.IAccountListGrain")]
public interface IAccountListGrain : IGrainWithStringKey
{
    /// <summary>Every open account the user is a member of, with their role, ordered by name then id.</summary>
    [Alias("List")]
    Task<ImmutableArray<AccountSummaryView>> ListAsync(CancellationToken cancellationToken = default);
}
