using System.Diagnostics.Metrics;
using NVelopes.Grains.Telemetry;

namespace NVelopes.Bench.Load;

/// <summary>
/// Listens to the silo's own metrics in this process (<see cref="NVelopesTelemetry"/>): how many durable writes the
/// account grains made, how many commands they carried (group commit), how long they took in the store, and how many
/// of them shared each store transaction (group commit across accounts).
/// </summary>
internal sealed class WriteMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _writes;
    private long _commands;
    private long _storeWrites;
    private double _storeMilliseconds;
    private long _transactions;
    private long _transactionCommits;

    public WriteMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NVelopesTelemetry.Name
                && instrument.Name is CommandsPerWrite or StoreWriteDuration or CommitsPerTransaction)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, count, _, _) =>
        {
            if (instrument.Name == CommandsPerWrite)
            {
                Interlocked.Increment(ref _writes);
                Interlocked.Add(ref _commands, count);
            }
            else
            {
                Interlocked.Increment(ref _transactions);
                Interlocked.Add(ref _transactionCommits, count);
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, _, _) =>
        {
            lock (_listener)
            {
                _storeWrites++;
                _storeMilliseconds += milliseconds;
            }
        });
        _listener.Start();
    }

    private const string CommandsPerWrite = "nvelopes.account.commands_per_write";
    private const string StoreWriteDuration = "nvelopes.store.write.duration";
    private const string CommitsPerTransaction = "nvelopes.store.commits_per_transaction";

    public Reading Read()
    {
        lock (_listener)
            return new Reading(Interlocked.Read(ref _writes), Interlocked.Read(ref _commands), _storeWrites, _storeMilliseconds,
                Interlocked.Read(ref _transactions), Interlocked.Read(ref _transactionCommits));
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Totals since the meter started; subtract two readings for a window.</summary>
    public sealed record Reading(
        long Writes, long Commands, long StoreWrites, double StoreMilliseconds, long Transactions, long TransactionCommits)
    {
        public static Reading Zero { get; } = new(0, 0, 0, 0, 0, 0);

        public static Reading operator +(Reading one, Reading other) => new(
            one.Writes + other.Writes, one.Commands + other.Commands,
            one.StoreWrites + other.StoreWrites, one.StoreMilliseconds + other.StoreMilliseconds,
            one.Transactions + other.Transactions, one.TransactionCommits + other.TransactionCommits);

        public static Reading operator -(Reading after, Reading before) => new(
            after.Writes - before.Writes, after.Commands - before.Commands,
            after.StoreWrites - before.StoreWrites, after.StoreMilliseconds - before.StoreMilliseconds,
            after.Transactions - before.Transactions, after.TransactionCommits - before.TransactionCommits);

        public override string ToString() => Writes == 0
            ? "no grain writes"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Writes} durable writes carrying {(double)Commands / Writes:F1} commands each, {StoreMilliseconds / Math.Max(1, StoreWrites):F1} ms per store write, " +
                $"{(double)TransactionCommits / Math.Max(1, Transactions):F1} writes per store transaction");
    }
}
