using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

/// <summary>
/// The household of the account: members with roles, and invitations. Every account method checks the caller's
/// role here, where the account lives, on the state the call is applied to: non-members are told the account does
/// not exist, members without the role are refused naming the role needed.
/// </summary>
public partial interface IAccountGrain
{
    /// <summary>Owner only. The answer carries the invitation; an unknown username is answered as a known one.</summary>
    [Alias("Invite")]
    Task<AccountUpdate> InviteAsync(InviteMember command, CancellationToken cancellationToken = default);

    [Alias("WithdrawInvitation")]
    Task<AccountUpdate> WithdrawInvitationAsync(WithdrawInvitation command, CancellationToken cancellationToken = default);

    /// <summary>The invitee joins; a retry after they joined through this invitation answers the same.</summary>
    [Alias("AcceptInvitation")]
    Task<AccountSummaryView> AcceptInvitationAsync(AnswerInvitation command, CancellationToken cancellationToken = default);

    [Alias("DeclineInvitation")]
    Task DeclineInvitationAsync(AnswerInvitation command, CancellationToken cancellationToken = default);

    /// <summary>The invitation if it is pending for <see cref="AnswerInvitation.UsernameKey"/>, else null.</summary>
    [Alias("FindInvitation")]
    Task<InvitationView?> FindInvitationAsync(AnswerInvitation query, CancellationToken cancellationToken = default);

    [Alias("ListMembers")]
    Task<MemberList> ListMembersAsync(ReadHousehold query, CancellationToken cancellationToken = default);

    [Alias("ListInvitations")]
    Task<ImmutableArray<InvitationView>> ListInvitationsAsync(ReadHousehold query, CancellationToken cancellationToken = default);

    [Alias("ChangeMemberRole")]
    Task<MemberList> ChangeMemberRoleAsync(ChangeMemberRole command, CancellationToken cancellationToken = default);

    [Alias("RemoveMember")]
    Task RemoveMemberAsync(RemoveMember command, CancellationToken cancellationToken = default);

    /// <summary>The account's line in <paramref name="userId"/>'s account list, with their role; null when they are no member of an open account.</summary>
    [Alias("MembershipOf")]
    Task<AccountSummaryView?> MembershipOfAsync(string userId, CancellationToken cancellationToken = default);
}
