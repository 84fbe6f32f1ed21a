using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Users;

/// <summary>
/// One user, keyed by the normalised (trimmed, lower-case) username. Being the single activation for that name
/// is what makes sign-up unique: two concurrent sign-ups of one name queue on the same grain.
/// </summary>
[Alias("NVelopes.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<UserView> RegisterAsync(RegisterUser command, CancellationToken cancellationToken = default);

    [Alias("Exists")]
    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);

    [Alias("View")]
    Task<UserView?> ViewAsync(CancellationToken cancellationToken = default);

    [Alias("Credentials")]
    Task<UserCredentials?> GetCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an account of this user. One user's opens run here one at a time, so the account counts the user's
    /// open accounts exactly against the limit, however many opens arrive at once.
    /// </summary>
    [Alias("OpenAccount")]
    Task<AccountUpdate> OpenAccountAsync(OpenUserAccount command, CancellationToken cancellationToken = default);

    [Alias("ListAccounts")]
    Task<ImmutableArray<AccountSummaryView>> ListAccountsAsync(CancellationToken cancellationToken = default);
}
