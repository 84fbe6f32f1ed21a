using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Users;

namespace NVelopes.Grains.Tests;

/// <summary>
/// A user's account list, asked by the user id alone: the accounts they opened come from the store, the ones others
/// share with them from their identity grain, which keeps only those.
/// </summary>
public abstract class AccountListGrainTests(ClusterFixture fixture)
{
    [SkippableFact]
    public async Task List_HasTheOpenedAndTheSharedAccounts_ByNameThenId_WhileTheIdentityKeepsOnlyTheShared()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var opener = await fixture.SignUpAsync("lister");
        var partner = await fixture.SignUpAsync("lister");
        var joint = await OpenAsync(opener, "Joint", 100m);
        var savings = await OpenAsync(partner, "Savings", 20m);
        var current = await OpenAsync(partner, "Current", 5m);
        var invited = await fixture.Client.GetGrain<IAccountGrain>(joint)
            .InviteAsync(new InviteMember(opener.UserId, partner.Username, "viewer"));
        await fixture.Client.GetGrain<IUserIdentityGrain>(partner.UserId).AcceptInvitationAsync(invited.Invitation!.InvitationId);

        var listed = await fixture.Client.GetGrain<IAccountListGrain>(partner.UserId).ListAsync();

        Assert.Equal(
            [new(current, "Current", 5m, "owner"), new(joint, "Joint", 100m, "viewer"), new AccountSummaryView(savings, "Savings", 20m, "owner")],
            listed.AsEnumerable());
        Assert.Equal([new AccountSummaryView(joint, "Joint", 100m, "viewer")],
            (await fixture.Client.GetGrain<IUserIdentityGrain>(partner.UserId).ListSharedAccountsAsync()).AsEnumerable());
    }

    [SkippableFact]
    public async Task List_DropsASharedAccountOnceTheUserIsNoMember()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var opener = await fixture.SignUpAsync("lister");
        var partner = await fixture.SignUpAsync("lister");
        var joint = await OpenAsync(opener, "Joint", 100m);
        var account = fixture.Client.GetGrain<IAccountGrain>(joint);
        var invited = await account.InviteAsync(new InviteMember(opener.UserId, partner.Username, "editor"));
        await fixture.Client.GetGrain<IUserIdentityGrain>(partner.UserId).AcceptInvitationAsync(invited.Invitation!.InvitationId);
        await account.RemoveMemberAsync(new RemoveMember(opener.UserId, partner.Username));

        Assert.Empty(await fixture.Client.GetGrain<IAccountListGrain>(partner.UserId).ListAsync());
        Assert.Equal([joint], (await fixture.Client.GetGrain<IAccountListGrain>(opener.UserId).ListAsync()).Select(a => a.AccountId));
    }

    private async Task<string> OpenAsync(UserView user, string name, decimal openingBalance)
    {
        var id = Guid.NewGuid().ToString("N");
        await fixture.Client.GetGrain<IUserIdentityGrain>(user.UserId)
            .OpenAccountAsync(new OpenUserAccount(id, new OpenAccount(user.UserId, name, openingBalance, CanGoNegative: true)));
        return id;
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteAccountListGrainTests(SqliteClusterFixture fixture) : AccountListGrainTests(fixture);

[Collection(MongoDbCluster.Name)]
public sealed class MongoDbAccountListGrainTests(MongoDbClusterFixture fixture) : AccountListGrainTests(fixture);
