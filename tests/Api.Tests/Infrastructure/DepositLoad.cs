using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>One deposit a <see cref="DepositLoad"/> sent and how it was answered.</summary>
public sealed record DepositAttempt(string? Key, decimal Amount, HttpStatusCode Status, bool HasRetryAfter, TimeSpan StartedAt, TimeSpan Elapsed);

/// <summary>
/// Deposits into one account from several concurrent clients until stopped, each a distinct amount (a cent more than
/// the one before), optionally each with its own idempotency key, recording every answer.
/// </summary>
public sealed class DepositLoad(HttpClient client, string accountId, bool withIdempotencyKeys)
{
    private readonly ConcurrentQueue<DepositAttempt> _attempts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _sequence;

    public IReadOnlyCollection<DepositAttempt> Attempts => _attempts;

    /// <summary>Time since the load was created, on the clock of <see cref="DepositAttempt.StartedAt"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public Task RunAsync(int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var amount = Interlocked.Increment(ref _sequence) * 0.01m;
                await DepositAsync(withIdempotencyKeys ? RetryRequests.NewKey() : null, amount);
            }
        }));

    /// <summary>Sends one deposit (again, for a retry) and records its answer.</summary>
    public async Task<DepositAttempt> DepositAsync(string? key, decimal amount)
    {
        var started = _clock.Elapsed;
        using var response = await client.PostJsonAsync("/accounts/deposit",
            new { account_id = accountId, envelope_id = 0, description = "load", amount }, key);
        var attempt = new DepositAttempt(key, amount, response.StatusCode, response.Headers.RetryAfter is not null, started, _clock.Elapsed - started);
        _attempts.Enqueue(attempt);
        return attempt;
    }

    /// <summary>Waits until a deposit that started after <paramref name="since"/> succeeded, or fails after <paramref name="within"/>.</summary>
    public async Task WaitForSuccessAfterAsync(TimeSpan since, TimeSpan within)
    {
        var deadline = _clock.Elapsed + within;
        while (!_attempts.Any(a => a.Status == HttpStatusCode.OK && a.StartedAt > since))
        {
            if (_clock.Elapsed > deadline)
                throw new Xunit.Sdk.XunitException($"No deposit succeeded within {within} after the store came back; answers since: " +
                    string.Join(", ", _attempts.Where(a => a.StartedAt > since).GroupBy(a => a.Status).Select(g => $"{g.Key} x{g.Count()}")) +
                    $"; slowest {(_attempts.IsEmpty ? TimeSpan.Zero : _attempts.Max(a => a.Elapsed))}.");
            await Task.Delay(50);
        }
    }
}
