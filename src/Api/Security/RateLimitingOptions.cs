namespace NVelopes.Api.Security;

/// <summary>
/// Limits of the anonymous routes that guess or probe credentials and usernames (section <c>RateLimiting</c>), each
/// counted per client address and per username: <c>RateLimiting:Token:PerUsername</c> and so on; and of the account
/// changes of each user: <c>RateLimiting:Writes:PerUser</c>.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary><c>POST /token</c>. Default 30 per client address and 10 per username a minute.</summary>
    public RateLimitRule Token { get; set; } = new() { PerClientAddress = 30, PerUsername = 10 };

    /// <summary><c>POST /users/signup</c>. Default 10 per client address and 5 per username a minute.</summary>
    public RateLimitRule Signup { get; set; } = new() { PerClientAddress = 10, PerUsername = 5 };

    /// <summary><c>GET /users/exists/{username}</c>. Default 60 per client address and 30 per username a minute.</summary>
    public RateLimitRule UserExists { get; set; } = new() { PerClientAddress = 60, PerUsername = 30 };

    /// <summary>Every account change (open, close, command) of one user. Default 600 a minute.</summary>
    public WriteRateLimitRule Writes { get; set; } = new();

    public RateLimitRule RuleFor(RateLimitedOperation operation) => operation switch
    {
        RateLimitedOperation.LogIn => Token,
        RateLimitedOperation.SignUp => Signup,
        RateLimitedOperation.UsernameLookup => UserExists,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
