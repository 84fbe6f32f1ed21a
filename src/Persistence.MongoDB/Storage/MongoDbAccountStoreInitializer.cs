using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Options;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// Checks the server and creates the account store's indexes in a silo lifecycle stage, so the silo does not
/// accept grain calls before the store is usable, and fails to start when it is not. It takes the MongoDB store
/// itself, not <c>IAccountStore</c>, so a decorator registered as the port cannot skip the initialisation.
/// </summary>
internal sealed class MongoDbAccountStoreInitializer(MongoDbAccountStore store, IOptions<MongoDbAccountStoreOptions> options)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MongoDbAccountStoreInitializer), options.Value.InitStage, store.InitializeAsync);
}
