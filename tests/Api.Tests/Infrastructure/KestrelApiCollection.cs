namespace NVelopes.Api.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class KestrelApiCollection : ICollectionFixture<KestrelApiFixture>
{
    public const string Name = "api on kestrel";
}
