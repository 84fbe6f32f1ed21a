using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Health;
using NVelopes.Grains.Storage;
using Orleans.Concurrency;

namespace NVelopes.Grains.Health;

/// <summary>
/// Reads an account id that no account has (ids are GUIDs) through the same <see cref="IAccountStore"/> the account
/// grains use: a primary-key lookup in SQLite, a find by <c>_id</c> in MongoDB. A stateless worker, so every silo can
/// answer locally.
/// </summary>
[StatelessWorker]
internal sealed partial class StoreHealthGrain(IAccountStore store, ILogger<StoreHealthGrain> logger) : Grain, IStoreHealthGrain
{
    /// <summary>The account id the probe reads; never a real account's.</summary>
    public const string ProbeAccountId = "~health-probe";

    async Task<StoreProbe> IStoreHealthGrain.ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.LoadAsync(ProbeAccountId, cancellationToken);
            return new StoreProbe(true, store.Name);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogProbeFailed(logger, failure, store.Name);
            return new StoreProbe(false, store.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Store} account store did not answer the health probe")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception, string store);
}
