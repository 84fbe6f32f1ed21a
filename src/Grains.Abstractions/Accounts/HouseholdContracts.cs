using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

// The household of an account: members, roles and invitations. Roles cross the boundary by their wire names
// ("owner", "editor", "viewer"); the account grain checks them. Usernames are as the caller typed them.

/// <summary>An owner invites <see cref="Username"/> to join with <see cref="Role"/>.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.InviteMember")]
public sealed record InviteMember(string ActorId, string Username, string Role, CommandOptions? Options = null);

/// <summary>An owner withdraws a pending invitation.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.WithdrawInvitation")]
public sealed record WithdrawInvitation(string ActorId, string InvitationId, CommandOptions? Options = null);

/// <summary>
/// The invitee answers an invitation: user <see cref="UserId"/>, whose normalised username is
/// <see cref="UsernameKey"/> (as their identity grain knows it, never as a client says).
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.AnswerInvitation")]
public sealed record AnswerInvitation(string UserId, string UsernameKey, string InvitationId);

/// <summary>Who may read the household: any member (members) or an owner (invitations).</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ReadHousehold")]
public sealed record ReadHousehold(string ActorId);

/// <summary>An owner gives member <see cref="Username"/> another role.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ChangeMemberRole")]
public sealed record ChangeMemberRole(string ActorId, string Username, string Role, CommandOptions? Options = null);

/// <summary>An owner removes member <see cref="Username"/>, or a member names themselves to leave.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.RemoveMember")]
public sealed record RemoveMember(string ActorId, string Username, CommandOptions? Options = null);

/// <summary>One member as the members list shows them: their current username and full name, and their role.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.MemberView")]
public sealed record MemberView(string UserId, string Username, string FullName, string Role);

/// <summary>A pending invitation; <see cref="InvitedBy"/> is the inviting owner's username.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.InvitationView")]
public sealed record InvitationView(
    string InvitationId, string AccountId, string AccountName, string Username, string Role, string InvitedBy, DateTimeOffset At);

/// <summary>
/// Invitation ids name their account, so that the invitee's accept reaches it: the account id, a dot (which no
/// account id holds) and 32 random hex digits that nobody can guess.
/// </summary>
public static class InvitationIds
{
    public const int MaxLength = 64 + 1 + 32;

    /// <summary>The one answer to an invitation id that names no pending invitation of the caller's, whatever the reason.</summary>
    public const string NotFoundMessage = "No pending invitation has this id.";

    public static string New(string accountId) => $"{accountId}.{Guid.NewGuid():N}";

    /// <summary>The account <paramref name="invitationId"/> belongs to, or null when it cannot be an invitation id.</summary>
    public static string? AccountOf(string? invitationId)
    {
        if (invitationId is null || invitationId.Length > MaxLength) return null;
        var dot = invitationId.LastIndexOf('.');
        if (dot <= 0 || invitationId.Length - dot - 1 != 32) return null;
        var accountId = invitationId[..dot];
        return accountId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && invitationId[(dot + 1)..].All(char.IsAsciiHexDigitLower)
            ? accountId
            : null;
    }
}

/// <summary>The members of an account, in the order they joined.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.MemberList")]
public sealed record MemberList(ImmutableArray<MemberView> Members);
