using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Options;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>Creates the named MongoDB grain storage providers that the silo asks for.</summary>
internal static class MongoDbGrainStorageFactory
{
    public static MongoDbGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<MongoDbGrainStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<MongoDbGrainStorage>(services, name, options);
    }
}
