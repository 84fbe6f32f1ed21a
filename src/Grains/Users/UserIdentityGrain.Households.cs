using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Testing;

namespace NVelopes.Grains.Users;

// The user's side of households. The account is the truth about who is a member; what this grain keeps (the
// accounts the user joined) and what the inbox keeps (notes of invitations) are pointers that the accounts
// confirm on every read, so a crash between the two writes of an accept leaves nothing half-shared: a listed
// account that never recorded the member is dropped from the list, and the invitation is still there to accept.
internal sealed partial class UserIdentityGrain
{
    public async Task<ImmutableArray<InvitationView>> ListInvitationsAsync(CancellationToken cancellationToken)
    {
        if (!identity.RecordExists) return [];
        var inbox = GrainFactory.GetGrain<IInvitationInboxGrain>(identity.State.UsernameKey);
        var pending = ImmutableArray.CreateBuilder<InvitationView>();
        var stale = ImmutableArray.CreateBuilder<string>();
        foreach (var invitationId in await inbox.ListAsync(cancellationToken))
        {
            var found = InvitationIds.AccountOf(invitationId) is { } accountId
                ? await GrainFactory.GetGrain<IAccountGrain>(accountId).FindInvitationAsync(Answer(invitationId), cancellationToken)
                : null;
            if (found is null) stale.Add(invitationId);
            else pending.Add(found);
        }
        if (stale.Count > 0) await inbox.ForgetAsync(stale.ToImmutable(), cancellationToken);
        return pending.ToImmutable();
    }

    /// <summary>
    /// The account goes on this user's list before the account records the member: the listing confirms each
    /// listed account with the account itself, so the order leaves no member whose list lacks the account.
    /// </summary>
    public async Task<AccountSummaryView> AcceptInvitationAsync(string invitationId, CancellationToken cancellationToken)
    {
        var accountId = AccountOfInvitation(invitationId);
        var listed = identity.State.SharedAccountIds.Contains(accountId);
        if (!listed)
        {
            identity.State.SharedAccountIds.Add(accountId);
            await WriteIdentityAsync();
        }
        await pausePoints.PassAsync(PausePoints.AcceptAfterListed);
        AccountSummaryView joined;
        try
        {
            joined = await GrainFactory.GetGrain<IAccountGrain>(accountId).AcceptInvitationAsync(Answer(invitationId), cancellationToken);
        }
        catch (NVelopesException refused) when (!listed && refused.Kind != ErrorKind.Unavailable)
        {
            // Refused for sure (no such invitation, already a member …): unlist it unless the user is a member anyway.
            await ForgetUnlessMemberAsync(accountId, cancellationToken);
            throw;
        }
        await pausePoints.PassAsync(PausePoints.AcceptAfterJoined);
        await GrainFactory.GetGrain<IInvitationInboxGrain>(identity.State.UsernameKey).ForgetAsync([invitationId], cancellationToken);
        return joined;
    }

    public async Task DeclineInvitationAsync(string invitationId, CancellationToken cancellationToken)
    {
        var accountId = AccountOfInvitation(invitationId);
        await GrainFactory.GetGrain<IAccountGrain>(accountId).DeclineInvitationAsync(Answer(invitationId), cancellationToken);
        await GrainFactory.GetGrain<IInvitationInboxGrain>(identity.State.UsernameKey).ForgetAsync([invitationId], cancellationToken);
    }

    public async Task<ImmutableArray<AccountSummaryView>> ListSharedAccountsAsync(CancellationToken cancellationToken)
    {
        if (!identity.RecordExists) return [];
        var shared = ImmutableArray.CreateBuilder<AccountSummaryView>();
        var gone = new List<string>();
        foreach (var accountId in identity.State.SharedAccountIds)
        {
            var membership = await GrainFactory.GetGrain<IAccountGrain>(accountId).MembershipOfAsync(this.GetPrimaryKeyString(), cancellationToken);
            if (membership is null) gone.Add(accountId);
            else shared.Add(membership);
        }
        if (gone.Count > 0)
        {
            identity.State.SharedAccountIds.RemoveAll(gone.Contains);
            await WriteIdentityAsync();
        }
        return shared.ToImmutable();
    }

    private async Task ForgetUnlessMemberAsync(string accountId, CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<IAccountGrain>(accountId).MembershipOfAsync(this.GetPrimaryKeyString(), cancellationToken) is not null)
            return;
        identity.State.SharedAccountIds.Remove(accountId);
        await WriteIdentityAsync();
    }

    /// <summary>The account an invitation belongs to; an id that cannot be one is answered as an unknown invitation.</summary>
    private string AccountOfInvitation(string invitationId) =>
        identity.RecordExists && InvitationIds.AccountOf(invitationId) is { } accountId
            ? accountId
            : throw new NVelopesException(ErrorKind.NotFound, InvitationIds.NotFoundMessage);

    private AnswerInvitation Answer(string invitationId) =>
        new(this.GetPrimaryKeyString(), identity.State.UsernameKey, invitationId);
}
