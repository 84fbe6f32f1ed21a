using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Sharing an account: invitations the invitee accepts or declines, roles that hold from the very next request,
/// leaving and removing, the limits, and the hostile cases (forged and other users' invitations, an editor reaching
/// for more, another member's Idempotency-Key).
/// </summary>
public abstract class HouseholdTests
{
    protected abstract NVelopesApiFactory? Factory { get; }

    protected virtual string? SkipReason => null;

    private async Task<(ApiUser Owner, ApiUser Member, string AccountId)> SharedAsync(string role)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var member = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountWithEnvelopesAsync(100m, "Food");
        await owner.ShareAsync(accountId, member, role);
        return (owner, member, accountId);
    }

    [SkippableFact]
    public async Task InviteAndAccept_ListsTheInvitationThenTheAccountWithItsRole_AndTheMembersWithTheirNames()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var invitee = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync(100m, name: "Household");

        var invitationId = await owner.InviteAsync(accountId, invitee.Username.ToUpperInvariant(), "editor");
        var pending = Assert.Single((await invitee.Client.GetJsonAsync("/users/me/invitations")).AsArray())!;
        Assert.Equal(invitationId, pending["invitation_id"]!.GetValue<string>());
        Assert.Equal(accountId, pending["account_id"]!.GetValue<string>());
        Assert.Equal("Household", pending["account_name"]!.GetValue<string>());
        Assert.Equal("editor", pending["role"]!.GetValue<string>());
        Assert.Equal(owner.Username, pending["invited_by"]!.GetValue<string>());
        Assert.Empty(await invitee.AccountRolesAsync());

        var joined = await invitee.AcceptAsync(invitationId);

        Assert.Equal("editor", joined["role"]!.GetValue<string>());
        Assert.Equal([$"{accountId}:editor"], await invitee.AccountRolesAsync());
        Assert.Equal([$"{accountId}:owner"], await owner.AccountRolesAsync());
        Assert.Empty(await invitee.InvitationIdsAsync());
        Assert.Equal([$"{owner.Username}:owner", $"{invitee.Username}:editor"], await invitee.MembersAsync(accountId));
        var members = (await owner.Client.GetJsonAsync($"/accounts/{accountId}/members")).AsArray();
        Assert.Equal("Test " + invitee.Username, members[1]!["full_name"]!.GetValue<string>());

        // What the member does is theirs in the log.
        await (await invitee.DepositAsync(accountId, 0, 5m)).ReadJsonAsync();
        var changes = (await owner.Client.GetJsonAsync($"/accounts/{accountId}/changes?since=0"))["changes"]!.AsArray();
        Assert.Equal(["account_opened", "member_invited", "member_joined", "deposited"], changes.Select(c => c!["kind"]!.GetValue<string>()));
        Assert.Equal([owner.UserId, owner.UserId, invitee.UserId, invitee.UserId], changes.Select(c => c!["actor"]!.GetValue<string>()));
        Assert.Equal(invitee.UserId, changes[2]!["member"]!.GetValue<string>());
        Assert.Equal("editor", changes[2]!["role"]!.GetValue<string>());
        var history = (await owner.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/10")).AsArray();
        Assert.Equal([owner.UserId, invitee.UserId], history.Select(t => t!["actor"]!.GetValue<string>()));
        Assert.Equal(invitee.UserId, changes[3]!["transaction"]!["actor"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Invite_AnUnknownUsername_IsAnsweredExactlyAsAKnownOne()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var known = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();
        var unknownName = "nobody" + Guid.NewGuid().ToString("N")[..12];

        using var toKnown = await owner.Client.PostJsonAsync($"/accounts/{accountId}/invitations", new { username = known.Username, role = "viewer" });
        using var toUnknown = await owner.Client.PostJsonAsync($"/accounts/{accountId}/invitations", new { username = unknownName, role = "viewer" });

        Assert.Equal(toKnown.StatusCode, toUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toUnknown.StatusCode);
        Assert.Equal(Shape(await toKnown.Content.ReadAsStringAsync(), known.Username), Shape(await toUnknown.Content.ReadAsStringAsync(), unknownName));
        Assert.Equal(toKnown.Headers.Select(h => h.Key).Order(), toUnknown.Headers.Select(h => h.Key).Order());

        // Whoever signs up with the name later finds the invitation waiting.
        var later = await Factory!.SignUpAndLogInAsync(unknownName);
        Assert.Single(await later.InvitationIdsAsync());
    }

    /// <summary>An invitation answer with what differs by nature (its id, the username, the time) blanked.</summary>
    private static string Shape(string json, string username)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(username, node["username"]!.GetValue<string>());
        foreach (var varying in new[] { "invitation_id", "username", "invited_at" }) node[varying] = "·";
        return node.ToJsonString();
    }

    [SkippableFact]
    public async Task DeclineAndWithdraw_EndTheInvitation_AndAcceptingItAfterwardsIs404()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var invitee = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();
        var declined = await owner.InviteAsync(accountId, invitee.Username, "viewer");

        using (var decline = await invitee.Client.PostAsync($"/invitations/{declined}/decline", null))
            Assert.Equal(HttpStatusCode.NoContent, decline.StatusCode);
        var withdrawn = await owner.InviteAsync(accountId, invitee.Username, "viewer");
        using (var withdraw = await owner.Client.DeleteAsync($"/accounts/{accountId}/invitations/{withdrawn}"))
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);

        Assert.Empty(await invitee.InvitationIdsAsync());
        Assert.Empty((await owner.Client.GetJsonAsync($"/accounts/{accountId}/invitations")).AsArray());
        foreach (var invitationId in new[] { declined, withdrawn })
        {
            using var accept = await invitee.Client.PostAsync($"/invitations/{invitationId}/accept", null);
            await accept.ReadProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Empty(await invitee.AccountRolesAsync());
        Assert.Equal([$"{owner.Username}:owner"], await owner.MembersAsync(accountId));
    }

    [SkippableFact]
    public async Task ARoleChange_HoldsFromTheVeryNextRequest()
    {
        var (owner, member, accountId) = await SharedAsync("editor");
        await (await member.DepositAsync(accountId, 0, 1m)).ReadJsonAsync();

        using (var demote = await owner.Client.PutAsJsonAsync($"/accounts/{accountId}/members/{member.Username}", new { role = "viewer" }))
            Assert.Equal([$"{owner.Username}:owner", $"{member.Username}:viewer"],
                (await demote.ReadJsonAsync()).AsArray().Select(m => $"{m!["username"]}:{m["role"]}"));

        var before = await owner.Client.SnapshotAsync(accountId);
        using var refused = await member.DepositAsync(accountId, 0, 1m);
        Assert.Contains("'editor'", await refused.ReadProblemAsync(HttpStatusCode.Forbidden));
        Assert.Equal(before, await owner.Client.SnapshotAsync(accountId));
        await member.Client.GetJsonAsync($"/accounts/{accountId}"); // a viewer still reads
        Assert.Equal([$"{accountId}:viewer"], await member.AccountRolesAsync());
    }

    [SkippableFact]
    public async Task ARemovedMember_GetsTheAccountAs404_AndNoLongerListsIt()
    {
        var (owner, member, accountId) = await SharedAsync("editor");

        await owner.RemoveAsync(accountId, member.Username);

        using var read = await member.Client.GetAsync($"/accounts/{accountId}");
        Assert.Equal($"Account '{accountId}' was not found.", await read.ReadProblemAsync(HttpStatusCode.NotFound));
        Assert.Empty(await member.AccountRolesAsync());
        Assert.Equal([$"{owner.Username}:owner"], await owner.MembersAsync(accountId));
    }

    [SkippableFact]
    public async Task AMember_MayLeave_ButTheLastOwnerMayNeitherLeaveNorBeDemoted()
    {
        var (owner, member, accountId) = await SharedAsync("viewer");

        await member.RemoveAsync(accountId, member.Username);
        Assert.Empty(await member.AccountRolesAsync());

        var before = await owner.Client.SnapshotAsync(accountId);
        using var leave = await owner.Client.DeleteAsync($"/accounts/{accountId}/members/{owner.Username}");
        Assert.Contains("last owner", await leave.ReadProblemAsync(HttpStatusCode.BadRequest));
        using var demote = await owner.Client.PutAsJsonAsync($"/accounts/{accountId}/members/{owner.Username}", new { role = "editor" });
        Assert.Contains("last owner", await demote.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, await owner.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task WithASecondOwner_TheOpenerMayLeave_AndTheAccountStaysWithTheOther()
    {
        var (owner, member, accountId) = await SharedAsync("owner");

        await owner.RemoveAsync(accountId, owner.Username);

        Assert.Empty(await owner.AccountRolesAsync());
        Assert.Equal([$"{accountId}:owner"], await member.AccountRolesAsync());
        using var read = await owner.Client.GetAsync($"/accounts/{accountId}");
        await read.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Invite_PastTwentyPendingInvitations_Is400WithTheLimit()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();
        for (var i = 0; i < 20; i++) await owner.InviteAsync(accountId, $"invitee{i}-{Guid.NewGuid():N}"[..30], "viewer");

        using var refused = await owner.Client.PostJsonAsync($"/accounts/{accountId}/invitations", new { username = "one-more", role = "viewer" });

        Assert.Contains("20 pending invitations", await refused.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(20, (await owner.Client.GetJsonAsync($"/accounts/{accountId}/invitations")).AsArray().Count);
    }

    [SkippableTheory]
    [InlineData("{ \"username\": \"x y\", \"role\": \"viewer\" }", "username")]
    [InlineData("{ \"username\": \"someone\", \"role\": \"admin\" }", "role")]
    [InlineData("{ \"role\": \"viewer\" }", "username")]
    public async Task Invite_WithABadUsernameOrRole_Is400WithTheReason(string body, string named)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();

        using var refused = await owner.Client.PostRawJsonAsync($"/accounts/{accountId}/invitations", body);

        Assert.Contains(named, await refused.ReadProblemAsync(HttpStatusCode.BadRequest));
        Assert.Empty((await owner.Client.GetJsonAsync($"/accounts/{accountId}/invitations")).AsArray());
    }

    // The hostile suite's members.

    [SkippableFact]
    public async Task ForgedInvitationIds_Are404_AndChangeNothing()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var attacker = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();
        var real = await owner.InviteAsync(accountId, "someone-" + Guid.NewGuid().ToString("N")[..8], "owner");
        var before = await owner.Client.SnapshotAsync(accountId);

        string[] forged =
        [
            $"{accountId}.{Guid.NewGuid():N}", accountId, $"{accountId}.", "x", $"{Guid.NewGuid():N}.{Guid.NewGuid():N}",
            real.ToUpperInvariant(), real + "0", "...", $"{accountId}.{new string('f', 32)}%00", new string('a', 500),
        ];
        var details = new HashSet<string>();
        foreach (var id in forged)
        {
            foreach (var verb in new[] { "accept", "decline" })
            {
                using var answer = await attacker.Client.PostAsync($"/invitations/{Uri.EscapeDataString(id)}/{verb}", null);
                details.Add(await answer.ReadProblemAsync(HttpStatusCode.NotFound));
            }
            using var withdraw = await attacker.Client.DeleteAsync($"/accounts/{accountId}/invitations/{Uri.EscapeDataString(id)}");
            await withdraw.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(["No pending invitation has this id."], details);
        Assert.Equal(before, await owner.Client.SnapshotAsync(accountId));
        Assert.Empty(await attacker.AccountRolesAsync());
    }

    [SkippableFact]
    public async Task AcceptingSomeoneElsesInvitation_Is404AsIfItDidNotExist_AndTheInviteeCanStillAcceptIt()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var owner = await Factory!.SignUpAndLogInAsync();
        var invitee = await Factory!.SignUpAndLogInAsync();
        var attacker = await Factory!.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();
        var invitationId = await owner.InviteAsync(accountId, invitee.Username, "owner");
        var before = await owner.Client.SnapshotAsync(accountId);

        using var accept = await attacker.Client.PostAsync($"/invitations/{invitationId}/accept", null);
        using var decline = await attacker.Client.PostAsync($"/invitations/{invitationId}/decline", null);
        using var unknown = await attacker.Client.PostAsync($"/invitations/{accountId}.{Guid.NewGuid():N}/accept", null);

        var detail = await accept.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(detail, await decline.ReadProblemAsync(HttpStatusCode.NotFound));
        Assert.Equal(detail, await unknown.ReadProblemAsync(HttpStatusCode.NotFound));
        Assert.Equal(before, await owner.Client.SnapshotAsync(accountId));
        Assert.Empty(await attacker.AccountRolesAsync());
        Assert.Empty(await attacker.InvitationIdsAsync());
        using (var read = await attacker.Client.GetAsync($"/accounts/{accountId}")) await read.ReadProblemAsync(HttpStatusCode.NotFound);

        await invitee.AcceptAsync(invitationId);
        Assert.Equal([$"{accountId}:owner"], await invitee.AccountRolesAsync());
    }

    [SkippableFact]
    public async Task AnEditor_CannotRaiseTheirRole_InviteOrRemove_AndNothingChanges()
    {
        var (owner, editor, accountId) = await SharedAsync("editor");
        var before = await owner.Client.SnapshotAsync(accountId) + string.Join(",", await owner.MembersAsync(accountId));

        using var raise = await editor.Client.PutAsJsonAsync($"/accounts/{accountId}/members/{editor.Username}", new { role = "owner" });
        using var invite = await editor.Client.PostJsonAsync($"/accounts/{accountId}/invitations", new { username = "accomplice", role = "owner" });
        using var removeOwner = await editor.Client.DeleteAsync($"/accounts/{accountId}/members/{owner.Username}");
        using var close = await editor.Client.DeleteAsync($"/accounts/{accountId}");

        foreach (var refused in new[] { raise, invite, removeOwner, close })
            Assert.Contains("'owner'", await refused.ReadProblemAsync(HttpStatusCode.Forbidden));
        Assert.Equal(before, await owner.Client.SnapshotAsync(accountId) + string.Join(",", await owner.MembersAsync(accountId)));
    }

    /// <summary>
    /// Idempotency keys are per member: the key another member used names that member's request, so replaying it is
    /// a request of one's own, applied as such, and never hands back the other member's answer.
    /// </summary>
    [SkippableFact]
    public async Task ReplayingAnotherMembersIdempotencyKey_IsANewRequestOfTheReplayer()
    {
        var (owner, member, accountId) = await SharedAsync("editor");
        var key = RetryRequests.NewKey();
        var deposit = new { account_id = accountId, envelope_id = 0, description = "groceries", amount = 7m };

        using var first = await owner.Client.PostJsonAsync("/accounts/deposit", deposit, key);
        using var replayed = await member.Client.PostJsonAsync("/accounts/deposit", deposit, key);
        using var replayedOtherBody = await member.Client.PostJsonAsync("/accounts/deposit", deposit with { amount = 1m }, RetryRequests.NewKey());
        using var retried = await owner.Client.PostJsonAsync("/accounts/deposit", deposit, key);

        Assert.Equal(107m, (await first.ReadJsonAsync())["balance"].Decimal());
        Assert.Equal(114m, (await replayed.ReadJsonAsync())["balance"].Decimal());
        Assert.Equal(107m, (await retried.ReadJsonAsync())["balance"].Decimal()); // the owner's own retry: their first answer
        var changes = (await owner.Client.GetJsonAsync($"/accounts/{accountId}/changes?since=0"))["changes"]!.AsArray();
        var deposits = changes.Where(c => c!["kind"]!.GetValue<string>() == "deposited").ToList();
        Assert.Equal([owner.UserId, member.UserId, member.UserId], deposits.Select(c => c!["actor"]!.GetValue<string>()));
        Assert.Equal(115m, (await owner.Client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal());
    }
}

[Collection(ApiCollection.Name)]
public sealed class SqliteHouseholdTests(ApiFixture fixture) : HouseholdTests
{
    protected override NVelopesApiFactory? Factory => fixture.Factory;
}

public sealed class MongoDbHouseholdTests(MongoDbApiFixture fixture) : HouseholdTests, IClassFixture<MongoDbApiFixture>
{
    protected override NVelopesApiFactory? Factory => fixture.Factory;

    protected override string? SkipReason => fixture.SkipReason;
}
