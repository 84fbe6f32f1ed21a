using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Validation;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Auth;
using NVelopes.Api.Preconditions;
using NVelopes.Api.Wire;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;

namespace NVelopes.Api.Accounts;

/// <summary>
/// What every account handler needs, bound with <c>[AsParameters]</c>: the grains, the caller, the request's
/// retry and version headers, and the response. Holds the one shared step of the mutations: read the request's
/// <see cref="CommandOptions"/>, call the caller's account grain, then answer the account it left with its ETag.
/// Services only, nothing a client sends: minimal-API validation leaves it alone.
/// </summary>
#pragma warning disable ASP0029 // SkipValidation is marked experimental in .NET 10; without it every account request walks these services.
[SkipValidation]
#pragma warning restore ASP0029
public sealed record AccountServices(
    IGrainFactory Grains, AccountGrains Accounts, CurrentUser User, CommandPreconditions Preconditions, HttpResponse Response, CancellationToken Aborted)
{
    /// <summary>The calling user's identity grain, which runs their opens one at a time.</summary>
    public IUserIdentityGrain Caller() => Grains.GetGrain<IUserIdentityGrain>(User.Id);

    /// <summary>The calling user's account list, found by the id their token carries.</summary>
    public IAccountListGrain CallersAccounts() => Grains.GetGrain<IAccountListGrain>(User.Id);

    /// <summary>The account grain for <paramref name="accountId"/>; an id that cannot name an account is a 404 at once.</summary>
    public IAccountGrain Account(string accountId) =>
        AccountIds.IsWellFormed(accountId)
            ? Accounts.For(accountId)
            : throw new NVelopesException(ErrorKind.NotFound, "No account has this id.");

    /// <summary>
    /// The <c>Idempotency-Key</c> (with the fingerprint of <paramref name="request"/>, the bound input of the route)
    /// and the <c>If-Match</c> version of this request.
    /// </summary>
    public CommandOptions OptionsFor(object request) => Preconditions.Read(Response.HttpContext.Request, request);

    /// <summary>Runs one command on the caller's account and answers the account after it, with its ETag.</summary>
    public async Task<JsonOk<AccountResponse>> Apply(
        string accountId, object request, Func<IAccountGrain, string, CommandOptions, CancellationToken, Task<AccountUpdate>> command) =>
        JsonOk.Of((await Run(accountId, OptionsFor(request), command)).ToResponse());

    /// <summary>Runs one command with <paramref name="options"/> on an account and sets the ETag of the account it left.</summary>
    public async Task<AccountUpdate> Run(
        string accountId, CommandOptions options, Func<IAccountGrain, string, CommandOptions, CancellationToken, Task<AccountUpdate>> command)
    {
        var update = await command(Account(accountId), User.Id, options, Aborted);
        Tagged(update.Account);
        return update;
    }

    /// <summary>The caller's view of an account, with its ETag.</summary>
    public async Task<AccountView> View(string accountId) =>
        Tagged(await Account(accountId).ViewAsync(new ViewAccount(User.Id), Aborted));

    private AccountView Tagged(AccountView account)
    {
        Response.Headers[HeaderNames.ETag] = CommandPreconditions.ETagOf(account.Version);
        return account;
    }
}
