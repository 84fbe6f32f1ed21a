using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;

namespace NVelopes.Grains.Tests;

public abstract class UserIdentityGrainTests(ClusterFixture fixture)
{
    [SkippableFact]
    public async Task Authenticate_FindsTheUserByUsernameOnce_AndThenByIdAlone()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (userId, username) = await RegisterAsync();
        var identity = fixture.Client.GetGrain<IUserIdentityGrain>(userId);

        Assert.Equal(UserStatus.Unknown, await identity.AuthenticateAsync(username: null));
        Assert.Equal(UserStatus.Active, await identity.AuthenticateAsync(username.ToUpperInvariant()));

        Assert.Equal(UserStatus.Active, await identity.AuthenticateAsync(username: null));
        Assert.Equal(username, (await identity.ViewAsync())?.Username);
    }

    [SkippableFact]
    public async Task Authenticate_WithTheUsernameOfAUserWithAnotherId_IsUnknown_AndRecordsNothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (_, username) = await RegisterAsync();
        var impostor = fixture.Client.GetGrain<IUserIdentityGrain>(Guid.NewGuid().ToString("N"));

        Assert.Equal(UserStatus.Unknown, await impostor.AuthenticateAsync(username));

        Assert.Null(await impostor.ViewAsync());
        Assert.Empty(await impostor.ListSharedAccountsAsync());
        Assert.Empty(await fixture.Client.GetGrain<IAccountListGrain>(impostor.GetPrimaryKeyString()).ListAsync());
    }

    private async Task<(string UserId, string Username)> RegisterAsync()
    {
        var username = "joe" + Guid.NewGuid().ToString("N")[..8];
        var userId = Guid.NewGuid().ToString("N");
        await fixture.Client.GetGrain<IUserGrain>(UsernameKey.Normalize(username))
            .RegisterAsync(new RegisterUser(userId, username, "joe@example.com", "Joe", "hash"));
        return (userId, username);
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteUserIdentityGrainTests(SqliteClusterFixture fixture) : UserIdentityGrainTests(fixture);

[Collection(MongoDbCluster.Name)]
public sealed class MongoDbUserIdentityGrainTests(MongoDbClusterFixture fixture) : UserIdentityGrainTests(fixture);
