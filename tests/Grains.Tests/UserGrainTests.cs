using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;

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
            catch (NVelopesException taken) when (taken.Message == "Username taken")
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
