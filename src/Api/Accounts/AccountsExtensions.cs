using NVelopes.Api.Preconditions;

namespace NVelopes.Api.Accounts;

public static class AccountsExtensions
{
    /// <summary>
    /// What the account routes need besides the grains: the <c>{id:accountId}</c> route constraint, and the reading of
    /// a mutation's preconditions (<c>Idempotency-Key</c>, <c>If-Match</c>).
    /// </summary>
    public static IServiceCollection AddNVelopesAccounts(this IServiceCollection services) =>
        services
            .Configure<RouteOptions>(options => options.SetParameterPolicy<AccountIdRouteConstraint>(AccountIds.RouteConstraint))
            .AddSingleton<CommandPreconditions>();
}
