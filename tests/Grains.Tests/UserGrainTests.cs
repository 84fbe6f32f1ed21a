using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;

namespace NVelopes.Grains.Tests;

public abstract class UserGrainTests(ClusterFixture fixture)
{
    [SkippableFact]
    public async Task Register_SameNameConcurrently_ExactlyOneSucceeds()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var username = "joe" + Guid.NewGuid().ToString("N")[..8];
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            var user = fixture.Client.GetGrain<IUserGrain>(UsernameKey.Normalize(i % 2 == 0 ? username : username.ToUpperInvariant()));
            try
            {
                await user.RegisterAsync(new RegisterUser($"id-{i}", username, "joe@example.com", "Joe", "hash"));
                return true;
            }
            catch (NVelopesException taken) when (taken.Kind == ErrorKind.Invalid)
            {
                return false;
            }
        });

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, succeeded => succeeded);
        var credentials = await fixture.Client.GetGrain<IUserGrain>(UsernameKey.Normalize(username)).GetCredentialsAsync();
        Assert.NotNull(credentials);
        Assert.Equal("hash", credentials.PasswordHash);
    }

    [SkippableTheory]
    [InlineData("j\u043Ee", "U+043E")]
    [InlineData("joe b", "U+0020")]
    public async Task Register_NameOutsideTheUsernameRule_IsRefused_AndStoresNothing(string username, string codePoint)
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var name = username + Guid.NewGuid().ToString("N")[..8];
        var user = fixture.Client.GetGrain<IUserGrain>(UsernameKey.Normalize(name));

        var refused = await Assert.ThrowsAsync<NVelopesException>(() => user.RegisterAsync(new RegisterUser("id", name, "j@example.com", "Joe", "hash")));

        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.Contains(codePoint, refused.Message);
        Assert.False(await user.ExistsAsync());
    }

    [SkippableFact]
    public async Task Register_UnderTheKeyOfAnotherName_IsRefused()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var user = fixture.Client.GetGrain<IUserGrain>("joe" + Guid.NewGuid().ToString("N")[..8]);

        var refused = await Assert.ThrowsAsync<NVelopesException>(() =>
            user.RegisterAsync(new RegisterUser("id", "someone-else", "j@example.com", "Joe", "hash")));

        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.False(await user.ExistsAsync());
    }

    [SkippableFact]
    public async Task UnknownUser_DoesNotExist()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var user = fixture.Client.GetGrain<IUserGrain>("nobody-" + Guid.NewGuid().ToString("N"));
        Assert.False(await user.ExistsAsync());
        Assert.Null(await user.GetCredentialsAsync());
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteUserGrainTests(SqliteClusterFixture fixture) : UserGrainTests(fixture);

[Collection(MongoDbCluster.Name)]
public sealed class MongoDbUserGrainTests(MongoDbClusterFixture fixture) : UserGrainTests(fixture);
