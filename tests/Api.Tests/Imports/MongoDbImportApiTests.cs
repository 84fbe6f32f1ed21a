using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests.Imports;

public sealed class MongoDbImportApiTests(MongoDbApiFixture fixture) : ImportApiTests, IClassFixture<MongoDbApiFixture>
{
    protected override NVelopesApiFactory Factory
    {
        get
        {
            Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
            return fixture.Factory!;
        }
    }
}
