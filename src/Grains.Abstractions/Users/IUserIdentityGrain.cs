using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Users;

/// <summary>
/// The user a token names by its <c>sub</c>, keyed by the user id: the one identity every authenticated request
/// uses. It knows which <see cref="IUserGrain"/> holds the user, and answers from memory once active.
/// </summary>
[Alias("NVelopes.IUserIdentityGrain")]
public partial interface IUserIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Whether this user exists and is not disabled. <paramref name="username"/>, the token's username, only serves
    /// to find a user this grain has not recorded yet (the first token after sign-up, and users who signed up before
    /// identities were recorded); the user found there must have this id.
    /// </summary>
    [Alias("Authenticate")]
    Task<UserStatus> AuthenticateAsync(string? username, CancellationToken cancellationToken = default);

    /// <summary>
    /// Interleaves with the user's other calls: account grains ask it for members' and inviters' names while this
    /// user's own call may be waiting on one of those accounts.
    /// </summary>
    [Alias("View"), Orleans.Concurrency.AlwaysInterleave]
    Task<UserView?> ViewAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an account of this user. One user's opens run here one at a time, so the account counts the user's
    /// open accounts exactly against the limit, however many opens arrive at once.
    /// </summary>
    [Alias("OpenAccount")]
    Task<AccountUpdate> OpenAccountAsync(OpenUserAccount command, CancellationToken cancellationToken = default);
}
