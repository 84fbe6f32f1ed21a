using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Grains.Accounts;

// The household of the account. The rules are the domain's (Account.Households); the grain resolves usernames to
// user ids through the user grains, names invitations, and leaves a note of each invitation with its invitee.
internal sealed partial class AccountGrain
{
    /// <summary>
    /// Whoever holds the username gets a note of the invitation in their inbox first, then the invitation is
    /// recorded: a note whose invitation never landed is dropped when the inbox is read, while an invitation is never
    /// without its note. The inbox of a username nobody holds gets its note too, so the answer, and the work behind
    /// it, are the same for every name.
    /// </summary>
    public async Task<AccountUpdate> InviteAsync(InviteMember command, CancellationToken cancellationToken)
    {
        var update = await RunAsync("invite", command.ActorId, MemberRole.Owner, command.Options, opensAccount: false, cancellationToken,
            async account =>
            {
                var role = Domain(() => MemberRoles.Parse(command.Role));
                var usernameKey = InviteeKey(command.Username);
                var invitee = await GrainFactory.GetGrain<IUserGrain>(usernameKey).ViewAsync(cancellationToken);
                var invitationId = InvitationIds.New(Writer.AccountId);
                var change = account!.Invite(invitationId, usernameKey, role, command.ActorId,
                    inviteeIsMember: invitee is not null && account.RoleOf(invitee.UserId) is not null, Writer.Now());
                await GrainFactory.GetGrain<IInvitationInboxGrain>(usernameKey).NoteAsync(invitationId, cancellationToken);
                return change;
            });
        return update.Invitation is { } invitation ? update with { Invitation = await WithInviterNameAsync(invitation, cancellationToken) } : update;
    }

    public Task<AccountUpdate> WithdrawInvitationAsync(WithdrawInvitation command, CancellationToken cancellationToken) =>
        RunAsync("withdraw_invitation", command.ActorId, MemberRole.Owner, command.Options, opensAccount: false, cancellationToken,
            account => ValueTask.FromResult(account!.WithdrawInvitation(command.InvitationId)));

    public async Task<AccountSummaryView> AcceptInvitationAsync(AnswerInvitation command, CancellationToken cancellationToken)
    {
        // A retried accept (its answer lost to a crash or a timeout) finds the member it made.
        if (await Writer.DurableAsync(cancellationToken) is { Account: { IsClosed: false } joined } &&
            joined.JoinedThrough(command.InvitationId, command.UserId))
            return SummaryOf(joined, command.UserId);
        var joinedAs = MemberRole.Viewer;
        var update = await AnswerAsync("accept_invitation", command, cancellationToken, account =>
        {
            var change = account.Join(command.InvitationId, command.UsernameKey, command.UserId);
            joinedAs = ((MemberJoined)change.Event).Member.Role;
            return change;
        });
        return new AccountSummaryView(update.Account.AccountId, update.Account.Name, update.Account.Balance, MemberRoles.NameOf(joinedAs));
    }

    public async Task DeclineInvitationAsync(AnswerInvitation command, CancellationToken cancellationToken) =>
        await AnswerAsync("decline_invitation", command, cancellationToken,
            account => account.DeclineInvitation(command.InvitationId, command.UsernameKey));

    /// <summary>
    /// The invitee's answer, whom the account does not know as a member yet: an account that does not exist (or is
    /// closed) has no invitation either, and says just that, as for an invitation that does not exist.
    /// </summary>
    private async Task<AccountUpdate> AnswerAsync(
        string operation, AnswerInvitation command, CancellationToken cancellationToken, Func<Account, AccountChange> answer)
    {
        try
        {
            return await RunAsync(operation, command.UserId, needed: null, options: null, opensAccount: false, cancellationToken,
                account => ValueTask.FromResult(answer(account!)));
        }
        catch (NVelopesException refused) when (refused.Kind == ErrorKind.NotFound)
        {
            throw new NVelopesException(ErrorKind.NotFound, InvitationIds.NotFoundMessage);
        }
    }

    public async Task<InvitationView?> FindInvitationAsync(AnswerInvitation query, CancellationToken cancellationToken)
    {
        var durable = await Writer.DurableAsync(cancellationToken);
        if (durable?.Account is not { IsClosed: false } account ||
            account.InvitationById(query.InvitationId) is not { } invitation || invitation.Username != query.UsernameKey)
            return null;
        return await WithInviterNameAsync(invitation.ToView(account), cancellationToken);
    }

    public async Task<MemberList> ListMembersAsync(ReadHousehold query, CancellationToken cancellationToken) =>
        await MembersOfAsync((await Writer.DurableOwnedAsync(query.ActorId, cancellationToken)).Account, cancellationToken);

    public async Task<ImmutableArray<InvitationView>> ListInvitationsAsync(ReadHousehold query, CancellationToken cancellationToken)
    {
        var account = (await Writer.DurableOwnedAsync(query.ActorId, cancellationToken, MemberRole.Owner)).Account;
        var views = ImmutableArray.CreateBuilder<InvitationView>(account.Invitations.Count);
        foreach (var invitation in account.Invitations) views.Add(await WithInviterNameAsync(invitation.ToView(account), cancellationToken));
        return views.MoveToImmutable();
    }

    public async Task<MemberList> ChangeMemberRoleAsync(ChangeMemberRole command, CancellationToken cancellationToken)
    {
        await RunAsync("change_member_role", command.ActorId, MemberRole.Owner, command.Options, opensAccount: false, cancellationToken,
            async account =>
            {
                var role = Domain(() => MemberRoles.Parse(command.Role));
                var memberId = await MemberIdAsync(command.Username, cancellationToken);
                return account!.ChangeRole(memberId, command.Username, role);
            });
        return await ListMembersAsync(new ReadHousehold(command.ActorId), cancellationToken);
    }

    /// <summary>An owner removes anyone; any member may remove themselves (leave).</summary>
    public async Task RemoveMemberAsync(RemoveMember command, CancellationToken cancellationToken)
    {
        var memberId = await MemberIdAsync(command.Username, cancellationToken);
        var needed = memberId == command.ActorId ? MemberRole.Viewer : MemberRole.Owner;
        await RunAsync(needed == MemberRole.Viewer ? "leave" : "remove_member", command.ActorId, needed, command.Options, opensAccount: false,
            cancellationToken, account => ValueTask.FromResult(account!.RemoveMember(memberId, command.Username)));
    }

    public async Task<AccountSummaryView?> MembershipOfAsync(string userId, CancellationToken cancellationToken) =>
        await Writer.DurableAsync(cancellationToken) is { Account: { IsClosed: false } account } && account.RoleOf(userId) is not null
            ? SummaryOf(account, userId)
            : null;

    private static AccountSummaryView SummaryOf(Account account, string userId) =>
        new(account.Id, account.Name, account.Balance, MemberRoles.NameOf(account.RoleOf(userId)!.Value));

    private async Task<MemberList> MembersOfAsync(Account account, CancellationToken cancellationToken)
    {
        var members = ImmutableArray.CreateBuilder<MemberView>(account.Household.Count);
        foreach (var member in account.Household)
        {
            var user = await GrainFactory.GetGrain<IUserIdentityGrain>(member.UserId).ViewAsync(cancellationToken);
            members.Add(new MemberView(member.UserId, user?.Username ?? "", user?.FullName ?? "", MemberRoles.NameOf(member.Role)));
        }
        return new MemberList(members.MoveToImmutable());
    }

    /// <summary>The user id of the member named <paramref name="username"/>; an unknown name is no member.</summary>
    private async Task<string> MemberIdAsync(string username, CancellationToken cancellationToken)
    {
        var user = UsernameKey.OfPossibleUser(username) is { } key
            ? await GrainFactory.GetGrain<IUserGrain>(key).ViewAsync(cancellationToken)
            : null;
        return user?.UserId ?? throw new NVelopesException(ErrorKind.NotFound, $"'{username}' is not a member of this account.");
    }

    private async Task<InvitationView> WithInviterNameAsync(InvitationView invitation, CancellationToken cancellationToken)
    {
        var inviter = await GrainFactory.GetGrain<IUserIdentityGrain>(invitation.InvitedBy).ViewAsync(cancellationToken);
        return invitation with { InvitedBy = inviter?.Username ?? "" };
    }

    /// <summary>The key of the username invited: the sign-up rule refuses what could never be a username, with its reason.</summary>
    private static string InviteeKey(string username) =>
        UsernameRule.RefusalOf(username) is { } refusal
            ? throw new NVelopesException(ErrorKind.Invalid, refusal)
            : UsernameKey.Normalize(username);

    private static T Domain<T>(Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (DomainException refused)
        {
            throw refused.ToNVelopesException();
        }
    }
}
