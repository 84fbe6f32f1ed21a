using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NVelopes.TestSupport;
using Xunit.Abstractions;

namespace NVelopes.Durability.Tests;

/// <summary>
/// kill -9 of the service in the middle of a burst of deposits: after a restart on the same store, every
/// acknowledged deposit is in the history, the transaction ids are contiguous, and the balance is the sum of the
/// recorded transactions.
/// </summary>
public sealed class KillDuringDepositsTests(ITestOutputHelper output)
{
    private const int Depositors = 16;

    [SkippableFact]
    public async Task KillDuringDeposits_OnMongoDB_LosesNoAcknowledgedDeposit()
    {
        var server = await MongoDbTestServer.GetAsync();
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await KillDuringDepositsAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "MongoDB",
            ["ConnectionStrings__MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("durability")),
        });
    }

    [Fact]
    public async Task KillDuringDeposits_OnTheEmbeddedStore_LosesNoAcknowledgedDeposit()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-durability-" + Guid.NewGuid().ToString("N"));
        try
        {
            await KillDuringDepositsAsync(new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__DataDirectory"] = dataDirectory,
            });
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task KillDuringDepositsAsync(Dictionary<string, string> deployment)
    {
        var (keySetting, signingKey) = ServiceProcess.NewSigningKey();
        deployment[keySetting] = signingKey;
        await using var first = new ServiceProcess(deployment);
        await first.StartAsync();
        var client = await SignedInClientAsync(first.BaseAddress);
        var accountId = await OpenAccountAsync(client);

        // Depositors send deposits one after another until the service dies under them.
        var acknowledged = new ConcurrentBag<(string Description, decimal Amount)>();
        var refusals = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var depositors = Enumerable.Range(0, Depositors).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var deposit = (Description: $"w{worker}-{n}", Amount: 0.01m * (worker + 1));
                try
                {
                    using var answer = await client.PostAsJsonAsync("/accounts/deposit", new
                    {
                        account_id = accountId, envelope_id = 0, description = deposit.Description, amount = deposit.Amount,
                    });
                    if (answer.StatusCode == HttpStatusCode.OK) acknowledged.Add(deposit);
                    else refusals.Add($"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException) when (stop.IsCancellationRequested || acknowledged.Count > 0)
                {
                    return; // the service is gone
                }
                catch (Exception unexpected) when (!stop.IsCancellationRequested)
                {
                    refusals.Add(unexpected.ToString());
                    return;
                }
            }
        })).ToArray();

        await WaitUntilAsync(() => acknowledged.Count >= 200, TimeSpan.FromSeconds(60),
            () => $"{acknowledged.Count} acknowledged; refusals: {string.Join(" | ", refusals.Take(3))}");
        await first.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(depositors);

        await using var second = new ServiceProcess(deployment);
        await second.StartAsync();
        var reader = await SignedInClientAsync(second.BaseAddress, client);
        var history = await ReadWholeHistoryAsync(reader, accountId);
        var account = await reader.GetFromJsonAsync<JsonObject>($"/accounts/{accountId}");

        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(t => t["tx_id"]!.GetValue<long>()));
        var recorded = history.Skip(1).Select(t => t["description"]!.GetValue<string>()).ToHashSet();
        var lost = acknowledged.Where(d => !recorded.Contains(d.Description)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged deposits are missing, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal(history.Sum(t => t["amount"]!.GetValue<decimal>()), account!["balance"]!.GetValue<decimal>());
        Assert.True(acknowledged.Count >= 200);
        output.WriteLine($"killed after {acknowledged.Count} acknowledged deposits; {history.Count - 1} recorded after restart, " +
                         $"{history.Count - 1 - acknowledged.Count} of them in flight at the kill; balance {account["balance"]}");
    }

    private static async Task<HttpClient> SignedInClientAsync(Uri baseAddress, HttpClient? sameUserAs = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (sameUserAs is not null)
        {
            client.DefaultRequestHeaders.Authorization = sameUserAs.DefaultRequestHeaders.Authorization;
            return client;
        }
        var username = "durable" + Guid.NewGuid().ToString("N")[..10];
        const string password = "a long enough password";
        using var signup = await client.PostAsJsonAsync("/users/signup", new
        {
            full_name = "Durable Tester", username, email = username + "@example.com", password,
        });
        signup.EnsureSuccessStatusCode();
        using var token = await client.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = password,
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<string> OpenAccountAsync(HttpClient client)
    {
        using var opened = await client.PostAsJsonAsync("/accounts/new", new { name = "Burst", opening_balance = 0 });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<JsonObject>())!["AccountId"]!.GetValue<string>();
    }

    private static async Task<List<JsonObject>> ReadWholeHistoryAsync(HttpClient client, string accountId)
    {
        var history = new List<JsonObject>();
        for (var page = 0; ; page++)
        {
            var items = await client.GetFromJsonAsync<JsonArray>($"/accounts/{accountId}/transactions/{page}/1000");
            if (items!.Count == 0) return history;
            history.AddRange(items.Select(i => i!.AsObject()));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> progress)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The burst of deposits did not get going: {progress()}");
            await Task.Delay(20);
        }
    }
}
