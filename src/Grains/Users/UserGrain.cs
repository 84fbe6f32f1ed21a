using System.Collections.Immutable;
using NVelopes.Grains.Abstractions;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Storage;
using Orleans.Storage;

namespace NVelopes.Grains.Users;

/// <summary>
/// One user, keyed by the normalised username. Sign-ups of one name queue on this single activation, and the
/// storage ETag refuses a second activation's write, so a name can never be registered twice.
/// </summary>
internal sealed class UserGrain(
    [PersistentState("user", StorageNames.Users)] IPersistentState<UserState> user,
    IAccountStore accounts,
    TimeProvider clock) : Grain, IUserGrain
{
    public async Task<UserView> RegisterAsync(RegisterUser command, CancellationToken cancellationToken)
    {
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

    public async Task<AccountUpdate> OpenAccountAsync(OpenUserAccount command, CancellationToken cancellationToken)
    {
        if (!user.RecordExists || user.State.UserId != command.Command.OwnerId)
            throw new NVelopesException(ErrorKind.NotFound, "No such user.");
        // Awaited here, not handed back: this grain takes the user's next call only once this open is done.
        return await GrainFactory.GetGrain<IAccountGrain>(command.AccountId).OpenAsync(command.Command, cancellationToken);
    }

    public async Task<ImmutableArray<AccountSummaryView>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        if (!user.RecordExists) return [];
        IReadOnlyList<AccountSummary> summaries;
        try
        {
            summaries = await accounts.ListAccountsAsync(user.State.UserId, cancellationToken);
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            throw NVelopesException.StoreUnavailable();
        }
        return [.. summaries.Select(s => new AccountSummaryView(s.AccountId, s.Name, s.Balance))];
    }

    private static UserView ToView(UserState state) =>
        new(state.UserId, state.Username, state.Email, state.FullName, state.Disabled);
}
