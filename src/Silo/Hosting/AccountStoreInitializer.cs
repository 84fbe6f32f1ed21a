using NVelopes.Grains.Storage;
using Orleans.Runtime;

namespace NVelopes.Silo.Hosting;

/// <summary>Creates the store's schema and indexes before the silo activates any grain.</summary>
internal sealed class AccountStoreInitializer(IAccountStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AccountStoreInitializer), ServiceLifecycleStage.RuntimeInitialize,
            cancellationToken => store.InitializeAsync(cancellationToken));
}
