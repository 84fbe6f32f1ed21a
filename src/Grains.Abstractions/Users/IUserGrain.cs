namespace NVelopes.Grains.Abstractions.Users;

/// <summary>
/// One user, keyed by the normalised (trimmed, lower-case) username: sign-up and login find users by name here.
/// Being the single activation for that name is what makes sign-up unique: two concurrent sign-ups of one name
/// queue on the same grain. Requests with a token find the user by id, through <see cref="IUserIdentityGrain"/>.
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
}
