using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Hosting.Observability;

/// <summary>
/// Puts the account id of every incoming <see cref="IAccountGrain"/> call into the log scope and on the call's span
/// (<c>nvelopes.account_id</c>), so an operator can find one account's logs and traces.
/// </summary>
internal sealed class AccountCallObservabilityFilter(ILogger<AccountCallObservabilityFilter> logger) : IIncomingGrainCallFilter
{
    public const string AccountIdTag = "nvelopes.account_id";

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not IAccountGrain)
        {
            await context.Invoke();
            return;
        }

        var accountId = context.TargetId.Key.ToString();
        Activity.Current?.SetTag(AccountIdTag, accountId);
        using (logger.BeginScope(new AccountLogScope(accountId)))
        {
            await context.Invoke();
        }
    }
}
