using System.Net;
using System.Text.Json.Nodes;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>What every store-outage test checks of a <see cref="DepositLoad"/> and of the account it deposited into.</summary>
public static class OutageAssertions
{
    /// <summary>
    /// Only 200s and 503s with Retry-After; some 503s answered while the store was away (requests caught in flight by
    /// the outage count: they show it failing fast as well as those sent during it), none slower than <paramref name="fast"/>.
    /// </summary>
    public static void FailedFastWith503(DepositLoad load, TimeSpan cutAt, TimeSpan restoredAt, TimeSpan fast)
    {
        var attempts = load.Attempts.ToList();
        Assert.All(attempts, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        var unavailable = attempts.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.Contains(unavailable, a => a.StartedAt + a.Elapsed >= cutAt && a.StartedAt + a.Elapsed < restoredAt);
        Assert.All(unavailable, a => Assert.True(a.HasRetryAfter, "A 503 without Retry-After."));
        Assert.All(attempts, a => Assert.True(a.Elapsed < fast, $"A deposit took {a.Elapsed}, more than {fast}."));
    }

    public static async Task<DepositAttempt> RetryUntilAnsweredAsync(DepositLoad load, DepositAttempt attempt)
    {
        for (var retry = 0; ; retry++)
        {
            var answer = await load.DepositAsync(attempt.Key, attempt.Amount);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || retry == 20) return answer;
            await Task.Delay(250);
        }
    }

    /// <summary>The balance is the sum of <paramref name="deposits"/> and the history holds each of them once, after the opening.</summary>
    public static async Task AccountHoldsExactlyAsync(HttpClient client, string accountId, IReadOnlyList<decimal> deposits)
    {
        var account = await client.GetJsonAsync($"/accounts/{accountId}");
        // Every page: a fast machine acknowledges more deposits than one page of 1000 holds.
        var history = new List<JsonNode?>();
        for (var page = 0; ; page++)
        {
            var entries = (await client.GetJsonAsync($"/accounts/{accountId}/transactions/{page}/1000")).AsArray();
            history.AddRange(entries);
            if (entries.Count < 1000) break;
        }
        Assert.Equal(deposits.Sum(), account["balance"].Decimal());
        Assert.Equal(deposits.Order(), history.Skip(1).Select(t => t!["amount"].Decimal()).Order());
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(t => t!["tx_id"]!.GetValue<long>()));
        Assert.Equal(deposits.Sum(), history.Count > 0 ? history[^1]!["account_balance"].Decimal() : 0m);
    }
}
