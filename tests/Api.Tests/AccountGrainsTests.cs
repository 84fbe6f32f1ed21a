using Microsoft.Extensions.DependencyInjection;
using NVelopes.Api.Accounts;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Tests;

/// <summary>The gateway's cached account references address exactly the grains Orleans' own lookup does.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountGrainsTests(ApiFixture fixture)
{
    [Fact]
    public void For_GivesTheSameGrainAndInterfaceAsTheGrainFactory()
    {
        var services = fixture.Factory.Services;
        var accounts = services.GetRequiredService<AccountGrains>();
        var grains = services.GetRequiredService<IGrainFactory>();

        foreach (var accountId in new[] { AccountIds.New(), AccountIds.New() })
        {
            var cached = (GrainReference)accounts.For(accountId);
            var looked = (GrainReference)grains.GetGrain<IAccountGrain>(accountId);

            Assert.Equal(looked.GrainId, cached.GrainId);
            Assert.Equal(looked.InterfaceType, cached.InterfaceType);
            Assert.Equal(accountId, cached.GrainId.Key.ToString());
        }
    }
}
