using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using NVelopes.Api.Accounts;
using NVelopes.Api.Wire;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The original's request handling (its <c>app/main.py</c>), for the routes the scenarios drive: load the user the
/// token names, load the account, let the domain check and apply the change, then save it. Stateless: nothing is
/// kept between requests.
/// </summary>
internal static class BaselineEndpoints
{
    public static IEndpointRouteBuilder MapBaselineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/accounts").RequireAuthorization();
        accounts.MapGet("/{id}", Get);
        accounts.MapPost("/deposit", Deposit);
        accounts.MapPost("/movemoney", MoveMoney);
        return endpoints;
    }

    public static async Task<Results<JsonOk<AccountResponse>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal principal, IBaselineStore store, CancellationToken cancellationToken)
    {
        var (user, refusal) = await ActiveUserAsync(principal, store, cancellationToken);
        if (user is null) return refusal!;
        return await store.FindAsync(user.Id, id, cancellationToken) is { } account
            ? JsonOk.Of(account.ToResponse())
            : NotFound();
    }

    public static Task<Results<JsonOk<AccountResponse>, ProblemHttpResult>> Deposit(
        MovementRequest request, ClaimsPrincipal principal, IBaselineStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        ApplyAsync(request.AccountId, principal, store, cancellationToken,
            account => account.Deposit(request.EnvelopeId, request.Description, request.Amount, clock.GetUtcNow()));

    public static Task<Results<JsonOk<AccountResponse>, ProblemHttpResult>> MoveMoney(
        MoveMoneyRequest request, ClaimsPrincipal principal, IBaselineStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        ApplyAsync(request.AccountId, principal, store, cancellationToken,
            account => account.Move(request.FromId, request.ToId, request.Description, request.Amount, clock.GetUtcNow()));

    /// <summary>Read, apply, write: the read is outside the write's transaction, and the write checks no version.</summary>
    private static async Task<Results<JsonOk<AccountResponse>, ProblemHttpResult>> ApplyAsync(
        string accountId, ClaimsPrincipal principal, IBaselineStore store, CancellationToken cancellationToken,
        Func<Account, AccountChange> command)
    {
        var (user, refusal) = await ActiveUserAsync(principal, store, cancellationToken);
        if (user is null) return refusal!;
        var account = await store.FindAsync(user.Id, accountId, cancellationToken);
        if (account is null) return NotFound();
        AccountChange change;
        try
        {
            change = command(account);
        }
        catch (DomainException refused)
        {
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        await store.SaveAsync(account, change, cancellationToken);
        return JsonOk.Of(change.After.ToResponse(change.Recorded));
    }

    /// <summary>
    /// The rest of the original's bearer check (<c>get_current_active_user</c>): the token names a username, and the
    /// user is read from the store on every request, for its id and to refuse one that is unknown or disabled.
    /// </summary>
    private static async Task<(BaselineUser? User, ProblemHttpResult? Refusal)> ActiveUserAsync(
        ClaimsPrincipal principal, IBaselineStore store, CancellationToken cancellationToken)
    {
        var username = principal.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var user = username is null ? null : await store.FindUserAsync(username, cancellationToken);
        if (user is null) return (null, TypedResults.Problem("Could not validate credentials", statusCode: StatusCodes.Status401Unauthorized));
        if (user.Disabled) return (null, TypedResults.Problem("Inactive user", statusCode: StatusCodes.Status400BadRequest));
        return (user, null);
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Account not found", statusCode: StatusCodes.Status404NotFound);
}
