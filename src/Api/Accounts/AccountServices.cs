using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Auth;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;

namespace NVelopes.Api.Accounts;

/// <summary>
/// What every account handler needs, bound with <c>[AsParameters]</c>: the grains, the caller and the response.
/// Holds the one shared step of the mutations: call the caller's account grain, then answer the account it left.
/// </summary>
public sealed record AccountServices(IGrainFactory Grains, CurrentUser User, HttpResponse Response, CancellationToken Aborted)
{
    /// <summary>The account grain for <paramref name="accountId"/>; a blank id names no account.</summary>
    public IAccountGrain Account(string accountId) =>
        string.IsNullOrWhiteSpace(accountId)
            ? throw NVelopesException.AccountNotFound(accountId)
            : Grains.GetGrain<IAccountGrain>(accountId);

    /// <summary>Runs one command on the caller's account and answers the account after it, with its ETag.</summary>
    public async Task<Ok<AccountResponse>> Apply(
        string accountId, Func<IAccountGrain, string, CancellationToken, Task<AccountUpdate>> command)
    {
        var update = await command(Account(accountId), User.Id, Aborted);
        return TypedResults.Ok(Tagged(update.Account).ToResponse(update.Transaction));
    }

    /// <summary>The caller's view of an account, with its ETag.</summary>
    public async Task<AccountView> View(string accountId) =>
        Tagged(await Account(accountId).ViewAsync(new ViewAccount(User.Id), Aborted));

    private AccountView Tagged(AccountView account)
    {
        Response.Headers[HeaderNames.ETag] = $"\"{account.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return account;
    }
}
