using NVelopes.Grains.Abstractions;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;
using Orleans.Storage;

namespace NVelopes.Grains.Users;

/// <summary>
/// One user, keyed by the normalised username. Sign-ups of one name queue on this single activation, and the
/// storage ETag refuses a second activation's write, so a name can never be registered twice.
/// </summary>
internal sealed class UserGrain(
    [PersistentState(UserState.StateName, StorageNames.Users)] IPersistentState<UserState> user,
    TimeProvider clock) : Grain, IUserGrain
{
    public async Task<UserView> RegisterAsync(RegisterUser command, CancellationToken cancellationToken)
    {
        // The gateway checks the rule too; here it guards every caller, and a name may only take its own key.
        if (UsernameRule.RefusalOf(command.Username) is { } refusal) throw new NVelopesException(ErrorKind.Invalid, refusal);
        if (UsernameKey.Normalize(command.Username) != this.GetPrimaryKeyString())
            throw new NVelopesException(ErrorKind.Invalid, "The username does not belong to this user grain's key.");
        if (user.RecordExists) throw new NVelopesException(ErrorKind.Invalid, "Username taken");
        cancellationToken.ThrowIfCancellationRequested();
        user.State = new UserState
        {
            UserId = command.UserId,
            Username = command.Username.Trim(),
            Email = command.Email.Trim(),
            FullName = command.FullName.Trim(),
            PasswordHash = command.PasswordHash,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            await user.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception failure)
        {
            // What the store holds is unknown now: the next call reads it afresh in a new activation.
            DeactivateOnIdle();
            throw failure is InconsistentStateException
                ? new NVelopesException(ErrorKind.Invalid, "Username taken")
                : new NVelopesException(ErrorKind.Unavailable, "The user store is unavailable right now; try again shortly.");
        }
        return ToView(user.State);
    }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(user.RecordExists);

    public Task<UserView?> ViewAsync(CancellationToken cancellationToken) =>
        Task.FromResult(user.RecordExists ? ToView(user.State) : null);

    public Task<UserCredentials?> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(user.RecordExists
            ? new UserCredentials(user.State.UserId, user.State.Username, user.State.PasswordHash, user.State.Disabled)
            : null);

    private static UserView ToView(UserState state) =>
        new(state.UserId, state.Username, state.Email, state.FullName, state.Disabled);
}
