using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Api.Tests.Infrastructure;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Tests;

/// <summary>Requests for accounts that do not exist are 404 and leave nothing behind in the silo.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnknownAccountTests(ApiFixture fixture)
{
    [Fact]
    public async Task UnknownIds_ReadAndWritten_Return404_AndKeepNoGrainActivated()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        foreach (var id in ids)
        {
            using var read = await user.Client.GetAsync($"/accounts/{id}");
            await read.ReadProblemAsync(HttpStatusCode.NotFound);
            using var written = await user.DepositAsync(id, 0, 1m);
            await written.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        var grains = fixture.Factory.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var unknown = ids.Select(id => grains.GetGrain<IAccountGrain>(id).GetGrainId()).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int kept;
        while ((kept = (await management.GetActiveGrains(unknown.First().Type)).Count(unknown.Contains)) > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(0, kept);
    }
}
