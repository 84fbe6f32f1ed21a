using Microsoft.Extensions.Options;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.MongoDB.Options;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// Checks the server and creates the account store's indexes in a silo lifecycle stage, so the silo does not
/// accept grain calls before the store is usable, and fails to start when it is not.
/// </summary>
internal sealed class MongoDbAccountStoreInitializer(IAccountStore store, IOptions<MongoDbAccountStoreOptions> options)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MongoDbAccountStoreInitializer), options.Value.InitStage, store.InitializeAsync);
}
