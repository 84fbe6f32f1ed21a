using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NVelopes.Grains.Telemetry;

/// <summary>
/// The product's own signals: one meter and one activity source, named <see cref="Name"/>, that hosts subscribe
/// to (OpenTelemetry or any listener).
/// </summary>
public sealed class NVelopesTelemetry : IDisposable
{
    public const string Name = "NVelopes";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public NVelopesTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        Operations = _meter.CreateCounter<long>("nvelopes.account.operations", "{operation}",
            "Account commands by kind (deposit, move, undo, …) and outcome (ok, refused, unavailable).");
        StoreWriteDuration = _meter.CreateHistogram<double>("nvelopes.store.write.duration", "ms",
            "How long one durable write of an account took in the store.");
        CommandsPerWrite = _meter.CreateHistogram<int>("nvelopes.account.commands_per_write", "{command}",
            "How many commands shared one durable write (group commit).");
        CommitsPerStoreTransaction = _meter.CreateHistogram<int>("nvelopes.store.commits_per_transaction", "{commit}",
            "How many account commits shared one store transaction (group commit across accounts).");
        CommitsPerStoreBatch = _meter.CreateHistogram<int>("nvelopes.store.commits_per_batch", "{commit}",
            "How many account commits a store's writer took as one batch, by how the batch was settled (outcome).");
        ActiveAccounts = _meter.CreateUpDownCounter<long>("nvelopes.account.active", "{account}",
            "Account grains active on this silo.");
    }

    public Counter<long> Operations { get; }

    public Histogram<double> StoreWriteDuration { get; }

    public Histogram<int> CommandsPerWrite { get; }

    public Histogram<int> CommitsPerStoreTransaction { get; }

    public Histogram<int> CommitsPerStoreBatch { get; }

    public UpDownCounter<long> ActiveAccounts { get; }

    /// <summary>What a store's writer calls after each transaction that committed, with the account commits it held.</summary>
    public Action<int> StoreTransactionsOf(string store)
    {
        var tag = new KeyValuePair<string, object?>("store", store);
        return commits => CommitsPerStoreTransaction.Record(commits, tag);
    }

    /// <summary>
    /// What a store's writer calls after settling each batch of commits, with the account commits it held and how
    /// it was settled (the <c>outcome</c> tag).
    /// </summary>
    public Action<int, string> StoreBatchesOf(string store)
    {
        var storeTag = new KeyValuePair<string, object?>("store", store);
        return (commits, outcome) => CommitsPerStoreBatch.Record(commits, storeTag, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void Dispose() => _meter.Dispose();
}
