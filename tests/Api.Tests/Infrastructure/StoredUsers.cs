using Microsoft.Extensions.DependencyInjection;
using NVelopes.Api.Auth;
using NVelopes.Grains.Abstractions;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;
using NVelopes.Grains.Users;
using Orleans.Storage;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>
/// Users written straight into the user store, as no sign-up of this version would write them: with a name that
/// an earlier version accepted and the username rule refuses, or disabled. Write them before anything asks for them.
/// </summary>
public static class StoredUsers
{
    /// <summary>Stores a user under the key an earlier sign-up gave <paramref name="username"/>, and returns its id.</summary>
    public static async Task<string> StoreUserAsync(this NVelopesApiFactory factory, string username, bool disabled = false)
    {
        var services = factory.Services;
        var grainId = services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(UsernameKey.Normalize(username)).GetGrainId();
        var userId = Guid.NewGuid().ToString("N");
        var user = new UserState
        {
            UserId = userId,
            Username = username.Trim(),
            Email = "stored@example.com",
            FullName = "Stored " + username,
            PasswordHash = services.GetRequiredService<UserPasswords>().Hash(ApiUsers.DefaultPassword),
            Disabled = disabled,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Users)
            .WriteStateAsync(UserState.StateName, grainId, new GrainState<UserState>(user));
        return userId;
    }
}
