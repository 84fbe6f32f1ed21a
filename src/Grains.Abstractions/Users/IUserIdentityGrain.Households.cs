using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Users;

/// <summary>The user's side of households: their pending invitations, and the accounts others share with them.</summary>
public partial interface IUserIdentityGrain
{
    /// <summary>The invitations pending for this user's username, as their accounts confirm them.</summary>
    [Alias("ListInvitations")]
    Task<ImmutableArray<InvitationView>> ListInvitationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Joins the invitation's account: the account goes on the user's list first, then the account records the member.</summary>
    [Alias("AcceptInvitation")]
    Task<AccountSummaryView> AcceptInvitationAsync(string invitationId, CancellationToken cancellationToken = default);

    [Alias("DeclineInvitation")]
    Task DeclineInvitationAsync(string invitationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The accounts of others this user joined, as each account confirms them; those the user is no member of leave
    /// the list. The user's whole account list is <see cref="IAccountListGrain"/>'s.
    /// </summary>
    [Alias("ListSharedAccounts")]
    Task<ImmutableArray<AccountSummaryView>> ListSharedAccountsAsync(CancellationToken cancellationToken = default);
}
