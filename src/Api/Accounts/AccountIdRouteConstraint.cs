using Microsoft.AspNetCore.Routing.Matching;

namespace NVelopes.Api.Accounts;

/// <summary>
/// A route segment that can be an account id (<see cref="AccountIds.IsWellFormed"/>). As a literal policy it also
/// keeps the routing tree from taking a literal route segment such as <c>new</c> for an id, so a wrong method on that
/// literal route is a 405 rather than a 404 for the account "new".
/// </summary>
public sealed class AccountIdRouteConstraint : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && AccountIds.IsWellFormed(value as string);

    public bool MatchesLiteral(string parameterName, string literal) => AccountIds.IsWellFormed(literal);
}
