using NVelopes.Grains.Abstractions;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;
using NVelopes.Grains.Testing;

namespace NVelopes.Grains.Users;

/// <summary>
/// One user id. Users sign up by name, so this grain finds its user the first time a token names the id together
/// with a username, keeps it only if the user grain there holds this very id, and records that grain's key; from
/// then on it needs no username. Whether the user is active is the user grain's to say, from its memory.
/// </summary>
internal sealed partial class UserIdentityGrain(
    [PersistentState(UserIdentityState.StateName, StorageNames.Users)] IPersistentState<UserIdentityState> identity,
    PausePoints pausePoints) : Grain, IUserIdentityGrain
{
    public async Task<UserStatus> AuthenticateAsync(string? username, CancellationToken cancellationToken) =>
        await FindAsync(username, cancellationToken) switch
        {
            null => UserStatus.Unknown,
            { Disabled: true } => UserStatus.Disabled,
            _ => UserStatus.Active,
        };

    public Task<UserView?> ViewAsync(CancellationToken cancellationToken) => FindAsync(username: null, cancellationToken);

    public async Task<AccountUpdate> OpenAccountAsync(OpenUserAccount command, CancellationToken cancellationToken)
    {
        if (!identity.RecordExists || this.GetPrimaryKeyString() != command.Command.OwnerId)
            throw new NVelopesException(ErrorKind.NotFound, "No such user.");
        // Awaited here, not handed back: this grain takes the user's next call only once this open is done.
        return await GrainFactory.GetGrain<IAccountGrain>(command.AccountId).OpenAsync(command.Command, cancellationToken);
    }

    private async Task<UserView?> FindAsync(string? username, CancellationToken cancellationToken)
    {
        var key = identity.RecordExists ? identity.State.UsernameKey : username is null ? null : UsernameKey.Normalize(username);
        if (key is null) return null;
        var user = await GrainFactory.GetGrain<IUserGrain>(key).ViewAsync(cancellationToken);
        if (user is null || user.UserId != this.GetPrimaryKeyString()) return null;
        if (!identity.RecordExists) await RecordAsync(key);
        return user;
    }

    private async Task RecordAsync(string usernameKey)
    {
        identity.State = new UserIdentityState { UsernameKey = usernameKey };
        await WriteIdentityAsync();
    }

    private async Task WriteIdentityAsync()
    {
        try
        {
            await identity.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // What the store holds is unknown now: the next call reads it afresh in a new activation.
            DeactivateOnIdle();
            throw new NVelopesException(ErrorKind.Unavailable, "The user store is unavailable right now; try again shortly.");
        }
    }
}
