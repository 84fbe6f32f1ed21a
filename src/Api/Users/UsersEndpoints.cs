using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NVelopes.Api.Auth;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Security;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;

namespace NVelopes.Api.Users;

public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/users").WithTags("Users");

        users.MapPost("/signup", SignUp)
            .AllowAnonymous()
            .RateLimitPerClientAndUsername(RateLimitedOperation.SignUp)
            .WithName("SignUp")
            .Documented("Create a user; answers the new user's id.",
                new RouteDocumentation(
                    [
                        RouteAnswers.Invalid("Username taken"),
                        RouteAnswers.Invalid(string.Format(CultureInfo.InvariantCulture, SignupRequest.PasswordLengthMessage,
                            "password", SignupLimits.MaxPasswordLength, SignupLimits.MinPasswordLength)),
                        RouteAnswers.TooManyAttempts,
                    ],
                    AnswerExample: ApiExamples.UserId),
                $"A username is {UsernameRule.MinLength} to {UsernameRule.MaxLength} characters of `a-z`, `0-9`, `.`, `_` and `-`, " +
                "starting and ending with a letter or digit, never two of `.`, `_`, `-` in a row; letters are case-insensitive and " +
                "surrounding spaces are trimmed. A taken username, or one outside this rule, is a 400 whose `detail` says why.");
        users.MapGet("/exists/{username}", Exists)
            .AllowAnonymous()
            .RateLimitPerClientAndUsername(RateLimitedOperation.UsernameLookup)
            .WithName("UserExists")
            .Documented("Whether a username is taken.", new RouteDocumentation([RouteAnswers.TooManyAttempts], AnswerExample: true));
        users.MapGet("/me", Me)
            .RequireAuthorization()
            .WithName("CurrentUser")
            .Documented("The caller's profile.",
                new RouteDocumentation([RouteAnswers.Unauthorized, RouteAnswers.NotFound("User not found."), RouteAnswers.Unavailable]));
        return endpoints;
    }

    public static async Task<Ok<string>> SignUp(
        SignupRequest request, IGrainFactory grains, UserPasswords passwords, CancellationToken cancellationToken)
    {
        var userId = Guid.NewGuid().ToString("N");
        var registered = await grains.GetGrain<IUserGrain>(UsernameKey.Normalize(request.Username)).RegisterAsync(
            new RegisterUser(userId, request.Username, request.Email, request.FullName, passwords.Hash(request.Password)),
            cancellationToken);
        return TypedResults.Ok(registered.UserId);
    }

    /// <summary>
    /// Whether a username is taken, by its key as login finds it (<see cref="UsernameKey.OfPossibleUser"/>): a name
    /// that can name nobody is not, without asking any grain.
    /// </summary>
    public static async Task<Ok<bool>> Exists(string username, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(UsernameKey.OfPossibleUser(username) is { } key
            && await grains.GetGrain<IUserGrain>(key).ExistsAsync(cancellationToken));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(
        CurrentUser user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var view = await grains.GetGrain<IUserIdentityGrain>(user.Id).ViewAsync(cancellationToken);
        if (view is null) return TypedResults.Problem("User not found.", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(new UserResponse(view.Username, view.Email, view.FullName, view.Disabled));
    }
}
