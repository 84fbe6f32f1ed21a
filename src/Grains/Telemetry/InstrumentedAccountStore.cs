using System.Diagnostics;
using System.Runtime.CompilerServices;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;

namespace NVelopes.Grains.Telemetry;

/// <summary>
/// Wraps whichever adapter is configured so that every store call is a span of the request's trace, and every
/// commit's latency is measured, the same way for SQLite and MongoDB.
/// </summary>
public sealed class InstrumentedAccountStore(IAccountStore inner, NVelopesTelemetry telemetry) : IAccountStore
{
    public string Name => inner.Name;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoredAccount?> LoadAsync(string accountId, CancellationToken cancellationToken) =>
        TraceAsync("load", accountId, () => inner.LoadAsync(accountId, cancellationToken));

    public async Task CommitAsync(AccountCommit commit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await TraceAsync("commit", commit.Account.Id, async () =>
        {
            await inner.CommitAsync(commit, cancellationToken);
            return true;
        });
        telemetry.StoreWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("store", Name));
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string accountId, long afterVersion, int count, CancellationToken cancellationToken) =>
        TraceAsync("read_events", accountId, () => inner.ReadEventsAsync(accountId, afterVersion, count, cancellationToken));

    public Task<IReadOnlyList<Transaction>> ReadTransactionsAsync(string accountId, long fromId, int count, CancellationToken cancellationToken) =>
        TraceAsync("read_transactions", accountId, () => inner.ReadTransactionsAsync(accountId, fromId, count, cancellationToken));

    public async IAsyncEnumerable<Transaction> ReadTransactionsDatedAsync(
        string accountId, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One span for the whole read, however many rows it streams.
        using var activity = NVelopesTelemetry.ActivitySource.StartActivity("store read_transactions_dated", ActivityKind.Client);
        activity?.SetTag("db.system", Name);
        activity?.SetTag("db.operation", "read_transactions_dated");
        activity?.SetTag("nvelopes.account_id", accountId);
        await foreach (var transaction in inner.ReadTransactionsDatedAsync(accountId, from, until, cancellationToken)) yield return transaction;
    }

    public Task<RememberedReply?> FindReplyAsync(string accountId, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        TraceAsync("find_reply", accountId, () => inner.FindReplyAsync(accountId, key, now, cancellationToken));

    public Task<IReadOnlySet<string>> FindImportIdsAsync(string accountId, IReadOnlyCollection<string> importIds, CancellationToken cancellationToken) =>
        TraceAsync("find_import_ids", accountId, () => inner.FindImportIdsAsync(accountId, importIds, cancellationToken));

    public Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(string ownerId, CancellationToken cancellationToken) =>
        TraceAsync("list_accounts", null, () => inner.ListAccountsAsync(ownerId, cancellationToken));

    private async Task<T> TraceAsync<T>(string operation, string? accountId, Func<Task<T>> call)
    {
        using var activity = NVelopesTelemetry.ActivitySource.StartActivity($"store {operation}", ActivityKind.Client);
        activity?.SetTag("db.system", Name);
        activity?.SetTag("db.operation", operation);
        if (accountId is not null) activity?.SetTag("nvelopes.account_id", accountId);
        try
        {
            return await call();
        }
        catch (Exception failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
            throw;
        }
    }
}
