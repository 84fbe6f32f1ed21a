using System.Collections.Concurrent;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// What the load did to one account, as its callers saw it: every deposit attempted (each with a unique
/// description), which of them were acknowledged and when, and every attempt that failed and was retried.
/// </summary>
public sealed class DepositLedger(string accountId)
{
    private readonly ConcurrentDictionary<string, decimal> _attempted = new();
    private readonly ConcurrentDictionary<string, decimal> _acknowledged = new();
    private readonly ConcurrentQueue<(TimeSpan At, Exception Error)> _failures = new();
    private readonly ConcurrentQueue<(TimeSpan Started, TimeSpan Completed)> _acknowledgedAt = new();

    public string AccountId { get; } = accountId;

    public IReadOnlyDictionary<string, decimal> Attempted => _attempted;

    public IReadOnlyDictionary<string, decimal> Acknowledged => _acknowledged;

    public IEnumerable<(TimeSpan At, Exception Error)> Failures => _failures;

    public void Attempt(string description, decimal amount) => _attempted[description] = amount;

    public void Acknowledge(string description, decimal amount, TimeSpan started, TimeSpan completed)
    {
        _acknowledged[description] = amount;
        _acknowledgedAt.Enqueue((started, completed));
    }

    public void Fail(Exception error, TimeSpan at) => _failures.Enqueue((at, error));

    /// <summary>
    /// When the first deposit started at or after <paramref name="time"/> was acknowledged, or null if none was yet:
    /// for an account that lived on a killed silo, the moment its callers were served again.
    /// </summary>
    public TimeSpan? FirstAcknowledgedAfter(TimeSpan time)
    {
        var after = _acknowledgedAt.Where(a => a.Started >= time).Select(a => a.Completed).ToList();
        return after.Count == 0 ? null : after.Min();
    }
}
