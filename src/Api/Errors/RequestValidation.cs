using NVelopes.Api.Users;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.Errors;

/// <summary>
/// How the API checks what a client sends: every rule in one place, and that place is where the rule lives.
/// <list type="number">
/// <item>The shape of the wire is binding's: JSON types, nullability and required properties, route and query values
/// that must parse. A request that does not fit is a 400 worded by <see cref="RequestErrorMessages"/>.</item>
/// <item>What an account or a user may hold is the domain's (<see cref="AccountLimits"/>, <see cref="Text"/>,
/// <see cref="Money"/>, the users' <c>UsernameRule</c>), checked by the grain that applies it, and refused as problem
/// details through <see cref="NVelopesExceptionHandler"/>. The bodies bound for a grain carry no validation attributes
/// and their routes skip the validation pass (<see cref="CheckedByTheDomain{TBuilder}"/>): a command pays nothing to
/// be checked twice.</item>
/// <item>Only what no grain sees as it was sent is checked here, by the DataAnnotations attributes of the request
/// type, with the domain's constants as their limits: a sign-up (<see cref="SignupRequest"/>: its password is hashed
/// first) and the page a history read asks for (<c>TransactionPageRequest</c>, answered before the grain is asked).
/// Their failures are 400s with every message in <c>detail</c> and <c>errors</c> keyed by the wire's names.</item>
/// </list>
/// The OpenAPI description states the same constants (<c>RequestLimitsSchemaFilter</c>, <c>RouteParameters</c>).
/// </summary>
public static class RequestValidation
{
    /// <summary>The validation pass of step 3, for the request types that carry validation attributes.</summary>
    public static IServiceCollection AddNVelopesValidation(this IServiceCollection services) => services.AddValidation();

    /// <summary>Routes whose bodies the domain checks (step 2): the validation pass is skipped for them.</summary>
    public static TBuilder CheckedByTheDomain<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.DisableValidation();
}
