using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Domain.Tests;

/// <summary>Members, roles and invitations: who may share an account and how the household changes.</summary>
public sealed class HouseholdTests
{
    private const string Owner = AnAccount.OwnerId;

    [Fact]
    public void Opened_HasItsOpenerAsTheOnlyMember_AnOwner()
    {
        var account = AnAccount.Opened().Build();

        Assert.Equal([new Member(Owner, MemberRole.Owner)], account.Household);
        Assert.Equal(MemberRole.Owner, account.RoleOf(Owner));
        Assert.Null(account.RoleOf("someone-else"));
        Assert.Empty(account.Invitations);
    }

    [Fact]
    public void InviteThenJoin_MakesTheInviteeAMemberWithTheInvitedRole_AndUsesTheInvitationUp()
    {
        var invited = Invite(AnAccount.Opened().Build(), "inv-1", "sam", MemberRole.Editor);
        Assert.Equal([new Invitation("inv-1", "sam", MemberRole.Editor, Owner, TestClock.Now)], invited.Invitations);

        var joined = invited.Join("inv-1", "sam", "user-sam");

        var member = Assert.IsType<MemberJoined>(joined.Event).Member;
        Assert.Equal(new Member("user-sam", MemberRole.Editor, "inv-1"), member);
        Assert.Equal(MemberRole.Editor, joined.After.RoleOf("user-sam"));
        Assert.Equal(MemberRole.Owner, joined.After.RoleOf(Owner));
        Assert.Empty(joined.After.Invitations);
        Assert.True(joined.After.JoinedThrough("inv-1", "user-sam"));
        Assert.Null(joined.Recorded); // a membership change records no transaction
    }

    [Fact]
    public void Join_ForAnotherUsernameOrAnUnknownId_IsRefusedAsNotFound_AndChangesNothing()
    {
        var invited = Invite(AnAccount.Opened().Build(), "inv-1", "sam", MemberRole.Viewer);

        var other = Refused.By(invited, a => a.Join("inv-1", "mallory", "user-mallory"), DomainErrorKind.NotFound);
        var forged = Refused.By(invited, a => a.Join("inv-forged", "sam", "user-sam"), DomainErrorKind.NotFound);

        Assert.Equal(other.Message, forged.Message); // another's invitation reads exactly as one that does not exist
        Refused.By(invited, a => a.DeclineInvitation("inv-1", "mallory"), DomainErrorKind.NotFound);
    }

    [Fact]
    public void Invite_AMemberOrAUsernameAlreadyInvited_IsRefused()
    {
        var invited = Invite(AnAccount.Opened().Build(), "inv-1", "sam", MemberRole.Viewer);

        Refused.By(invited, a => a.Invite("inv-2", "sam", MemberRole.Owner, Owner, inviteeIsMember: false, TestClock.Now), DomainErrorKind.Conflict);
        Refused.By(invited, a => a.Invite("inv-2", "pat", MemberRole.Owner, Owner, inviteeIsMember: true, TestClock.Now), DomainErrorKind.Invalid);
    }

    [Fact]
    public void Invite_PastTwentyPendingInvitations_IsRefusedWithTheLimit()
    {
        var account = AnAccount.Opened().Build();
        for (var i = 0; i < HouseholdLimits.PendingInvitationsPerAccount; i++) account = Invite(account, $"inv-{i}", $"user{i}", MemberRole.Viewer);

        var refused = Refused.By(account, a => a.Invite("inv-x", "one-more", MemberRole.Viewer, Owner, false, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Contains("20 pending invitations", refused.Message);
    }

    [Fact]
    public void JoinOrInvite_WithTwentyMembers_IsRefusedWithTheLimit()
    {
        var account = AnAccount.Opened().Build();
        for (var i = 1; i < HouseholdLimits.MembersPerAccount; i++)
            account = Invite(account, $"inv-{i}", $"user{i}", MemberRole.Viewer).Join($"inv-{i}", $"user{i}", $"id-{i}").After;
        Assert.Equal(HouseholdLimits.MembersPerAccount, account.Household.Count);

        Refused.By(account, a => a.Invite("inv-x", "one-more", MemberRole.Viewer, Owner, false, TestClock.Now), DomainErrorKind.Invalid);

        // An invitation sent while there was room cannot push the household past the limit either.
        var withRoom = AnAccount.Opened().Build();
        for (var i = 1; i < HouseholdLimits.MembersPerAccount; i++) withRoom = Invite(withRoom, $"inv-{i}", $"user{i}", MemberRole.Viewer);
        withRoom = Invite(withRoom, "inv-late", "late", MemberRole.Viewer);
        for (var i = 1; i < HouseholdLimits.MembersPerAccount; i++) withRoom = withRoom.Join($"inv-{i}", $"user{i}", $"id-{i}").After;
        var full = Refused.By(withRoom, a => a.Join("inv-late", "late", "id-late"), DomainErrorKind.Invalid);
        Assert.Contains("20 members", full.Message);
    }

    [Fact]
    public void TheLastOwner_CanNeitherLeaveNorBeDemoted()
    {
        var account = AnAccount.Opened().Build();

        var demoted = Refused.By(account, a => a.ChangeRole(Owner, "owner", MemberRole.Editor), DomainErrorKind.Invalid);
        var left = Refused.By(account, a => a.RemoveMember(Owner, "owner"), DomainErrorKind.Invalid);

        Assert.Contains("last owner", demoted.Message);
        Assert.Contains("last owner", left.Message);
    }

    [Fact]
    public void WithASecondOwner_TheOpenerMayStepDownAndLeave()
    {
        var shared = Invite(AnAccount.Opened().Build(), "inv-1", "sam", MemberRole.Editor).Join("inv-1", "sam", "user-sam").After;
        var twoOwners = shared.ChangeRole("user-sam", "sam", MemberRole.Owner).After;

        var stepped = twoOwners.ChangeRole(Owner, "owner", MemberRole.Viewer).After;
        Refused.By(stepped, a => a.ChangeRole("user-sam", "sam", MemberRole.Editor), DomainErrorKind.Invalid); // sam is the last owner now
        var left = stepped.RemoveMember(Owner, "owner").After;

        Assert.Null(left.RoleOf(Owner));
        Assert.Equal([new Member("user-sam", MemberRole.Owner, "inv-1")], left.Household);
    }

    [Fact]
    public void ChangeRoleOrRemove_OfANonMember_IsNotFound()
    {
        var account = AnAccount.Opened().Build();

        Refused.By(account, a => a.ChangeRole("user-x", "x", MemberRole.Viewer), DomainErrorKind.NotFound);
        Refused.By(account, a => a.RemoveMember("user-x", "x"), DomainErrorKind.NotFound);
    }

    [Fact]
    public void WithdrawAndDecline_TakeTheInvitationAway()
    {
        var invited = Invite(Invite(AnAccount.Opened().Build(), "inv-1", "sam", MemberRole.Viewer), "inv-2", "pat", MemberRole.Editor);

        var withdrawn = invited.WithdrawInvitation("inv-1").After;
        var declined = withdrawn.DeclineInvitation("inv-2", "pat").After;

        Assert.Equal(["inv-2"], withdrawn.Invitations.Select(i => i.Id));
        Assert.Empty(declined.Invitations);
        Refused.By(declined, a => a.WithdrawInvitation("inv-1"), DomainErrorKind.NotFound);
        Refused.By(declined, a => a.Join("inv-2", "pat", "user-pat"), DomainErrorKind.NotFound);
    }

    [Theory]
    [InlineData(MemberRole.Viewer, MemberRole.Viewer, true)]
    [InlineData(MemberRole.Viewer, MemberRole.Editor, false)]
    [InlineData(MemberRole.Editor, MemberRole.Editor, true)]
    [InlineData(MemberRole.Editor, MemberRole.Owner, false)]
    [InlineData(MemberRole.Owner, MemberRole.Editor, true)]
    [InlineData(MemberRole.Owner, MemberRole.Owner, true)]
    public void Require_AllowsTheRoleAndTheOnesAboveIt_AndNamesTheRoleNeeded(MemberRole held, MemberRole needed, bool allowed)
    {
        var refusal = Record.Exception(() => MemberRoles.Require(held, needed));

        if (allowed) Assert.Null(refusal);
        else
        {
            var refused = Assert.IsType<DomainException>(refusal);
            Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
            Assert.Contains($"'{MemberRoles.NameOf(needed)}'", refused.Message);
        }
    }

    [Theory]
    [InlineData("owner", MemberRole.Owner)]
    [InlineData(" Editor ", MemberRole.Editor)]
    [InlineData("VIEWER", MemberRole.Viewer)]
    public void Parse_ReadsTheRoleNames(string name, MemberRole role) => Assert.Equal(role, MemberRoles.Parse(name));

    [Theory]
    [InlineData("admin")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_RefusesAnythingElse(string? name) =>
        Assert.Equal(DomainErrorKind.Invalid, Assert.Throws<DomainException>(() => MemberRoles.Parse(name)).Kind);

    [Fact]
    public void FoldingTheLog_RebuildsTheHousehold()
    {
        var ledger = AnAccount.Opened().BuildLedger();
        ledger.Apply(a => a.Invite("inv-1", "sam", MemberRole.Editor, Owner, false, TestClock.Now));
        ledger.Apply(a => a.Invite("inv-2", "pat", MemberRole.Viewer, Owner, false, TestClock.Now));
        ledger.Apply(a => a.Join("inv-1", "sam", "user-sam"));
        ledger.Apply(a => a.ChangeRole("user-sam", "sam", MemberRole.Owner));
        ledger.Apply(a => a.Invite("inv-3", "kim", MemberRole.Viewer, "user-sam", false, TestClock.Now));
        ledger.Apply(a => a.RemoveMember(Owner, "owner"));

        var folded = ledger.Events.Skip(1).Aggregate(Account.Opened((AccountOpened)ledger.Events[0]), (account, e) => account.Apply(e));

        Assert.Equal(AccountState.Of(ledger.Account), AccountState.Of(folded));
        Assert.Equal(["inv-2", "inv-3"], folded.Invitations.Select(i => i.Id));
        Assert.Equal([new Member("user-sam", MemberRole.Owner, "inv-1")], folded.Household);
    }

    private static Account Invite(Account account, string invitationId, string username, MemberRole role) =>
        account.Invite(invitationId, username, role, Owner, inviteeIsMember: false, TestClock.Now).After;
}
