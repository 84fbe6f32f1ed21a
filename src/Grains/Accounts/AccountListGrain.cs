using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Storage;
using Orleans.Concurrency;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// Lists a user's accounts: those they opened and still belong to, from the store by their id, and those others
/// share with them, as their identity grain keeps and confirms them.
/// </summary>
[StatelessWorker]
internal sealed partial class AccountListGrain(IAccountStore store, ILogger<AccountListGrain> logger) : Grain, IAccountListGrain
{
    public async Task<ImmutableArray<AccountSummaryView>> ListAsync(CancellationToken cancellationToken)
    {
        var userId = this.GetPrimaryKeyString();
        IReadOnlyList<AccountSummary> opened;
        try
        {
            opened = await store.ListAccountsAsync(userId, cancellationToken);
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            LogListFailed(logger, failure, userId);
            throw NVelopesException.StoreUnavailable();
        }
        var owned = opened.Where(s => s.OpenerRole is not null)
            .Select(s => new AccountSummaryView(s.AccountId, s.Name, s.Balance, MemberRoles.NameOf(s.OpenerRole!.Value)));
        var shared = await GrainFactory.GetGrain<IUserIdentityGrain>(userId).ListSharedAccountsAsync(cancellationToken);
        // The store answers in this order already; only a merge with shared accounts needs sorting.
        return shared.IsEmpty
            ? [.. owned]
            : [.. owned.Concat(shared).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.AccountId, StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account store did not answer the account list of user {UserId}")]
    private static partial void LogListFailed(ILogger logger, Exception exception, string userId);
}
