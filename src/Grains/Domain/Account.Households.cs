using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Grains.Domain;

// The household of an account: who shares it with which role, and who is invited to. Every rule about members and
// invitations is here; the grain only resolves usernames to user ids and picks invitation ids.
public sealed partial record Account
{
    /// <summary>
    /// The members as recorded; empty until the first one joins, which means the opener alone, as owner (accounts
    /// opened before households were stored without members). Read <see cref="Household"/>.
    /// </summary>
    public ImmutableList<Member> Members { get; init; } = [];

    /// <summary>The pending invitations, oldest first.</summary>
    public ImmutableList<Invitation> Invitations { get; init; } = [];

    /// <summary>Everyone who shares the account, the opener first while they stay a member.</summary>
    public ImmutableList<Member> Household => Members.IsEmpty ? [new Member(OwnerId, MemberRole.Owner)] : Members;

    /// <summary>The role <paramref name="userId"/> holds here, or null when they are no member.</summary>
    public MemberRole? RoleOf(string userId) =>
        Members.IsEmpty // every command asks: the opener alone is answered without building the household
            ? userId == OwnerId ? MemberRole.Owner : null
            : Members.Find(m => m.UserId == userId)?.Role;

    /// <summary>The pending invitation with this id, or null.</summary>
    public Invitation? InvitationById(string invitationId) => Invitations.Find(i => i.Id == invitationId);

    /// <summary>
    /// Invites <paramref name="usernameKey"/> to join with <paramref name="role"/>. The invitee need not exist:
    /// the answer must not tell. <paramref name="inviteeIsMember"/>: the username names a current member.
    /// </summary>
    public AccountChange Invite(
        string invitationId, string usernameKey, MemberRole role, string invitedBy, bool inviteeIsMember, DateTimeOffset now)
    {
        if (inviteeIsMember) throw DomainException.Invalid($"'{usernameKey}' is already a member of this account.");
        if (Invitations.Any(i => i.Username == usernameKey))
            throw DomainException.Conflict($"'{usernameKey}' already has a pending invitation to this account; withdraw it to invite again.");
        if (Invitations.Count >= HouseholdLimits.PendingInvitationsPerAccount)
            throw DomainException.Invalid(
                $"An account has at most {HouseholdLimits.PendingInvitationsPerAccount} pending invitations; withdraw one to invite again.");
        if (Household.Count >= HouseholdLimits.MembersPerAccount)
            throw DomainException.Invalid($"An account has at most {HouseholdLimits.MembersPerAccount} members; remove one to invite another.");
        return Emit(new MemberInvited(new Invitation(invitationId, usernameKey, role, invitedBy, now)));
    }

    public AccountChange WithdrawInvitation(string invitationId)
    {
        var invitation = InvitationById(invitationId) ?? throw NoSuchInvitation();
        return Emit(new InvitationWithdrawn(invitation.Id, invitation.Username));
    }

    /// <summary>The invitee declines; an invitation for another username is answered as one that does not exist.</summary>
    public AccountChange DeclineInvitation(string invitationId, string usernameKey)
    {
        var invitation = InvitationFor(invitationId, usernameKey);
        return Emit(new InvitationDeclined(invitation.Id, invitation.Username));
    }

    /// <summary>The invitee, user <paramref name="userId"/> holding <paramref name="usernameKey"/>, accepts and joins.</summary>
    public AccountChange Join(string invitationId, string usernameKey, string userId)
    {
        var invitation = InvitationFor(invitationId, usernameKey);
        if (RoleOf(userId) is not null) throw DomainException.Invalid("You are already a member of this account.");
        if (Household.Count >= HouseholdLimits.MembersPerAccount)
            throw DomainException.Invalid($"The account already has {HouseholdLimits.MembersPerAccount} members, the most it may have.");
        return Emit(new MemberJoined(new Member(userId, invitation.Role, invitation.Id), invitation.Username));
    }

    /// <summary>Whether <paramref name="userId"/> is a member who joined through <paramref name="invitationId"/>: a retried accept.</summary>
    public bool JoinedThrough(string invitationId, string userId) =>
        Household.Exists(m => m.UserId == userId && m.InvitationId == invitationId);

    /// <summary>Gives member <paramref name="userId"/> (<paramref name="username"/>, for the message) another role.</summary>
    public AccountChange ChangeRole(string userId, string username, MemberRole role)
    {
        var member = MemberById(userId, username);
        if (member.Role == MemberRole.Owner && role != MemberRole.Owner && IsLastOwner(member))
            throw DomainException.Invalid("The last owner cannot be demoted; make another member an owner first.");
        return Emit(new MemberRoleChanged(userId, member.Role, role));
    }

    /// <summary>Removes member <paramref name="userId"/>, who may be the caller leaving; the last owner stays.</summary>
    public AccountChange RemoveMember(string userId, string username)
    {
        var member = MemberById(userId, username);
        if (member.Role == MemberRole.Owner && IsLastOwner(member))
            throw DomainException.Invalid(
                "The last owner cannot leave or be removed; make another member an owner first, or close the account.");
        return Emit(new MemberRemoved(userId, member.Role));
    }

    private Account ApplyMembership(MembershipEvent membership) => membership switch
    {
        MemberInvited invited => this with { Invitations = Invitations.Add(invited.Invitation) },
        InvitationWithdrawn withdrawn => WithoutInvitation(withdrawn.InvitationId),
        InvitationDeclined declined => WithoutInvitation(declined.InvitationId),
        MemberJoined joined => WithoutInvitation(joined.Member.InvitationId!) with { Members = Household.Add(joined.Member) },
        MemberRoleChanged changed => this with
        {
            Members = Household.SetItem(Household.FindIndex(m => m.UserId == changed.UserId),
                Household.Find(m => m.UserId == changed.UserId)! with { Role = changed.NewRole }),
        },
        MemberRemoved removed => this with { Members = Household.RemoveAll(m => m.UserId == removed.UserId) },
        _ => throw new InvalidOperationException($"Unknown membership event {membership.GetType().Name}."),
    };

    private Account WithoutInvitation(string invitationId) =>
        this with { Invitations = Invitations.RemoveAll(i => i.Id == invitationId) };

    private Invitation InvitationFor(string invitationId, string usernameKey) =>
        InvitationById(invitationId) is { } invitation && invitation.Username == usernameKey ? invitation : throw NoSuchInvitation();

    private Member MemberById(string userId, string username) =>
        Household.Find(m => m.UserId == userId) ?? throw DomainException.NotFound($"'{username}' is not a member of this account.");

    private bool IsLastOwner(Member member) => !Household.Exists(m => m != member && m.Role == MemberRole.Owner);

    private static DomainException NoSuchInvitation() => DomainException.NotFound(InvitationIds.NotFoundMessage);
}
