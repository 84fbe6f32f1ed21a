using Orleans.Serialization;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.GrainStorage;

internal static class TestSerializer
{
    /// <summary>Orleans' System.Text.Json grain storage serializer, as a silo can be configured to use.</summary>
    public static IGrainStorageSerializer Create() =>
        new SystemTextJsonGrainStorageSerializer(Microsoft.Extensions.Options.Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));
}
