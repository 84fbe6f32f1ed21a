using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests.Imports;

[Collection(ApiCollection.Name)]
public sealed class SqliteImportApiTests(ApiFixture fixture) : ImportApiTests
{
    protected override NVelopesApiFactory Factory => fixture.Factory;
}
