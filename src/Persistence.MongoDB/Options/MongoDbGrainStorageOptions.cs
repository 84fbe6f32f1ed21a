using Orleans;
using Orleans.Storage;

namespace NVelopes.Persistence.MongoDB.Options;

/// <summary>Options of one named MongoDB grain storage provider (plain grain state, such as users).</summary>
public sealed class MongoDbGrainStorageOptions : MongoDbConnectionOptions, IStorageProviderSerializerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Storage:MongoDB:GrainStorage";

    /// <summary>
    /// Each state name gets its own collection, named this prefix followed by the state name
    /// (<c>grainstate_users</c>). Default: <c>grainstate_</c>.
    /// </summary>
    public string CollectionPrefix { get; set; } = "grainstate_";

    /// <summary>
    /// The silo lifecycle stage at which the provider connects. Default:
    /// <see cref="ServiceLifecycleStage.ApplicationServices"/>.
    /// </summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>Turns grain state into bytes. Default: the silo's <see cref="IGrainStorageSerializer"/>.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
