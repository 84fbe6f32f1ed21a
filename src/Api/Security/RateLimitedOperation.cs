namespace NVelopes.Api.Security;

/// <summary>The anonymous operations that are rate limited per client address and per username.</summary>
public enum RateLimitedOperation
{
    /// <summary><c>POST /token</c>: the username is the form's <c>username</c>.</summary>
    LogIn,
    /// <summary><c>POST /users/signup</c>: the username is the JSON body's <c>username</c>.</summary>
    SignUp,
    /// <summary><c>GET /users/exists/{username}</c>: the username is the route's.</summary>
    UsernameLookup,
}
