namespace NVelopes.Api.Accounts;

public static class AccountsExtensions
{
    /// <summary>What the account routes need besides the grains: the <c>{id:accountId}</c> route constraint.</summary>
    public static IServiceCollection AddNVelopesAccounts(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<AccountIdRouteConstraint>(AccountIds.RouteConstraint));
}
