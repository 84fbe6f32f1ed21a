using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Domain.Households;

/// <summary>An event that changes who shares the account or who is invited to; it moves no money.</summary>
public abstract record MembershipEvent : AccountEvent;

/// <summary>An owner invited a username to join with a role.</summary>
public sealed record MemberInvited(Invitation Invitation) : MembershipEvent
{
    public const string KindName = ChangeKinds.MemberInvited;
    public override string Kind => KindName;
}

/// <summary>An owner withdrew a pending invitation.</summary>
public sealed record InvitationWithdrawn(string InvitationId, string Username) : MembershipEvent
{
    public const string KindName = ChangeKinds.InvitationWithdrawn;
    public override string Kind => KindName;
}

/// <summary>The invitee declined a pending invitation.</summary>
public sealed record InvitationDeclined(string InvitationId, string Username) : MembershipEvent
{
    public const string KindName = ChangeKinds.InvitationDeclined;
    public override string Kind => KindName;
}

/// <summary>The invitee accepted and became a member with the invitation's role.</summary>
public sealed record MemberJoined(Member Member, string Username) : MembershipEvent
{
    public const string KindName = ChangeKinds.MemberJoined;
    public override string Kind => KindName;
}

/// <summary>An owner changed a member's role.</summary>
public sealed record MemberRoleChanged(string UserId, MemberRole OldRole, MemberRole NewRole) : MembershipEvent
{
    public const string KindName = ChangeKinds.MemberRoleChanged;
    public override string Kind => KindName;
}

/// <summary>A member left, or an owner removed them; <see cref="Role"/> is the role they had.</summary>
public sealed record MemberRemoved(string UserId, MemberRole Role) : MembershipEvent
{
    public const string KindName = ChangeKinds.MemberRemoved;
    public override string Kind => KindName;
}
