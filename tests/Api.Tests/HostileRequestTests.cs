using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// A generated storm of hostile requests across every route (see <see cref="HostileRequestGenerator"/>), most of
/// them aimed at another user's account: no answer is a 5xx, every refusal is problem details with a reason, the
/// service still answers afterwards, and the victim's account is exactly what it was, to the cent and the
/// transaction.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileRequestTests(ApiFixture fixture)
{
    private const int Seed = 20_260_606;
    private const int RequestCount = 1_200;
    private const int ConcurrentClients = 8;

    [Fact]
    public async Task HostileRequests_AcrossEveryRoute_NeverFailTheServiceOrTouchTheVictimsMoney()
    {
        var factory = fixture.Factory;
        var victim = await factory.SignUpAndLogInAsync();
        var victimAccountId = await victim.OpenAccountWithEnvelopesAsync(1_000.00m, "Food", "Rent");
        using (var payer = await victim.Client.PostJsonAsync("/accounts/payers/add",
                   new { account_id = victimAccountId, payer = "Acme", amount = 100.00m, payments = new[] { new { envelope_id = 1, amount = 30.00m } } }))
            await payer.ReadJsonAsync();
        using (var deposit = await victim.DepositAsync(victimAccountId, 2, 12.34m)) await deposit.ReadJsonAsync();
        var attacker = await factory.SignUpAndLogInAsync();
        var attackerAccountId = await attacker.OpenAccountWithEnvelopesAsync(50.00m, "Loot");
        var before = await victim.Client.SnapshotAsync(victimAccountId);
        var requests = new HostileRequestGenerator(Seed, new HostileTargets(
            victimAccountId, victim.UserId, victim.Username, attackerAccountId, attacker.Token, factory.SigningKey)).Generate(RequestCount);
        var client = factory.CreateClient();
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentClients }, async (request, cancellationToken) =>
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, cancellationToken);
            var problem = await ProblemOf(response);
            lock (failures)
            {
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} for {request}: {problem}");
                else if ((int)response.StatusCode >= 400 && problem is null) failures.Add($"{(int)response.StatusCode} without problem details for {request}");
            }
        });

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n{string.Join("\n", failures.Take(10))}");
        Assert.Equal(RequestCount, statuses.Values.Sum());
        Assert.True(statuses.Keys.Count(status => status >= 400) >= 6, $"Too few kinds of refusal: {string.Join(", ", statuses)}");
        Assert.Equal(before, await victim.Client.SnapshotAsync(victimAccountId));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var stillWorks = await victim.DepositAsync(victimAccountId, 0, 0.01m);
        Assert.Equal(1_012.35m, (await stillWorks.ReadJsonAsync())["balance"].Decimal());
    }

    /// <summary>The problem details' detail, or null when the answer is not problem details with one.</summary>
    private static async Task<string?> ProblemOf(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return problem?["detail"]?.GetValue<string>() is { Length: > 0 } detail ? detail : null;
    }
}
