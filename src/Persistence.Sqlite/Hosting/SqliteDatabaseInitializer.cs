using NVelopes.Persistence.Sqlite.Storage;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.Sqlite.Hosting;

/// <summary>Creates the database file and its schema before the silo activates any grain.</summary>
internal sealed class SqliteDatabaseInitializer(SqliteDatabase database) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteDatabaseInitializer), ServiceLifecycleStage.RuntimeInitialize,
            _ => database.InitializeAsync());
}
