using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using NVelopes.Api.Accounts;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The original's request handling (its <c>app/main.py</c>), for the routes the scenarios drive: load the account,
/// let the domain check and apply the change, then save it. Stateless: nothing is kept between requests.
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

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, IBaselineStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(OwnerOf(user), id, cancellationToken) is { } account
            ? TypedResults.Ok(account.ToResponse())
            : NotFound();

    public static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Deposit(
        MovementRequest request, ClaimsPrincipal user, IBaselineStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        ApplyAsync(request.AccountId, user, store, cancellationToken,
            account => account.Deposit(request.EnvelopeId, request.Description, request.Amount, clock.GetUtcNow()));

    public static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> MoveMoney(
        MoveMoneyRequest request, ClaimsPrincipal user, IBaselineStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        ApplyAsync(request.AccountId, user, store, cancellationToken,
            account => account.Move(request.FromId, request.ToId, request.Description, request.Amount, clock.GetUtcNow()));

    /// <summary>Read, apply, write: the read is outside the write's transaction, and the write checks no version.</summary>
    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ApplyAsync(
        string accountId, ClaimsPrincipal user, IBaselineStore store, CancellationToken cancellationToken,
        Func<Account, AccountChange> command)
    {
        var account = await store.FindAsync(OwnerOf(user), accountId, cancellationToken);
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
        return TypedResults.Ok(change.After.ToResponse(change.Recorded));
    }

    private static string OwnerOf(ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("The token names no user.");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Account not found", statusCode: StatusCodes.Status404NotFound);
}
