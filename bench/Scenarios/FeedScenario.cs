using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NVelopes.Api.Accounts;
using NVelopes.Bench.Load;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;
using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// Open event streams while writes run: <see cref="ScenarioSizes.FeedSubscribers"/> subscribers of
/// <c>GET /accounts/{id}/events</c> on one gateway, spread evenly over <see cref="ScenarioSizes.FeedAccounts"/>
/// accounts, and one writer per account depositing one after another, each deposit acknowledged before the next is
/// sent (so the k-th acknowledged deposit of an account is its version k after the seed). Reports:
/// <list type="bullet">
/// <item>delivery: from the writer receiving the acknowledgement (sent only once the write is durable) to a
/// subscriber receiving the event, p99 over every delivery; an event that arrives before its acknowledgement counts 0.
/// The same-run baseline is the write's own p99, from sending the deposit to its acknowledgement.</item>
/// <item>that every subscriber got every event of its account exactly once and in order.</item>
/// <item>managed heap per open subscriber, weighed idle after a full collection before and after opening them all;
/// it includes the subscribers' own (small) client side, which lives in this process too.</item>
/// </list>
/// The original has no feed, so there is no baseline system here.
/// </summary>
internal sealed class FeedScenario : IScenario
{
    /// <summary>A writer's pause between deposits: a household's pace, not a load test of the write path.</summary>
    private static readonly TimeSpan WritePause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    public string Name => Scenario.Feed;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var system = context.NVelopes;
        var sizes = context.Options.Sizes;
        var seeded = Enumerable.Range(0, sizes.FeedAccounts).Select(_ => AccountSeeds.Empty(system.OwnerId, context.Clock.GetUtcNow())).ToList();
        await context.SayAsync($"  creating {seeded.Count} accounts in the nvelopes store…");
        await system.CreateAsync(seeded, cancellationToken);
        var accounts = seeded.Select(s => new FeedAccount(s.Account.Id, s.Account.Version)).ToArray();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heapBefore = await SettledHeap.WeighAsync(cancellationToken);
        var subscribers = Enumerable.Range(0, sizes.FeedSubscribers).Select(i => new Subscriber(accounts[i % accounts.Length])).ToArray();
        var streams = subscribers.Select(s => s.RunAsync(system.Load, stop.Token)).ToArray();
        await WaitAsync(() => subscribers.All(s => s.Connected), TimeSpan.FromSeconds(60), "every subscriber to connect", cancellationToken);
        var heapOpen = await SettledHeap.WeighAsync(cancellationToken);
        var bytesPerSubscriber = (heapOpen - heapBefore) / subscribers.Length;
        await context.SayAsync($"  {subscribers.Length} subscribers open: managed heap {heapBefore / 1024:N0} KB → {heapOpen / 1024:N0} KB");

        await context.SayAsync($"  writing for {context.Options.Measured.TotalSeconds:F0} s, one writer per account…");
        using (var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            writing.CancelAfter(context.Options.Measured);
            await Task.WhenAll(accounts.Select(a => a.WriteAsync(system.Load, writing.Token)));
        }
        var written = accounts.Sum(a => a.Acknowledged.Count);
        await WaitAsync(() => subscribers.All(s => s.LastVersion >= s.Account.Version), DeliveryTimeout, "every event to be delivered", cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        var deliveries = subscribers.SelectMany(s => s.Delays()).Order().ToArray();
        var writes = accounts.SelectMany(a => a.WriteMilliseconds).Order().ToArray();
        var missed = subscribers.Sum(s => s.Missed);
        var duplicates = subscribers.Sum(s => s.Duplicates);
        var deliveryP99 = Percentile(deliveries, 0.99);
        var writeP99 = Percentile(writes, 0.99);
        await context.SayAsync(
            $"  {written:N0} writes acknowledged, {deliveries.Length:N0} deliveries; delivery p50 {Percentile(deliveries, 0.5):F1} ms, " +
            $"p99 {deliveryP99:F1} ms; write p99 {writeP99:F1} ms; missed {missed}, duplicates {duplicates}");
        return ResultLine.Feed(context.Options.StoreName, subscribers.Length, accounts.Length, deliveries.Length, missed, duplicates,
            deliveryP99, writeP99, bytesPerSubscriber);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static async Task WaitAsync(Func<bool> done, TimeSpan limit, string what, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!done())
        {
            if (Stopwatch.GetElapsedTime(started) > limit) throw new TimeoutException($"Gave up waiting {limit.TotalSeconds:F0} s for {what}.");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>One account, its writer, and when each of its versions was acknowledged.</summary>
    private sealed class FeedAccount(string id, long seededVersion)
    {
        public string Id { get; } = id;

        /// <summary>The account's newest acknowledged version.</summary>
        public long Version => seededVersion + Acknowledged.Count;

        /// <summary>Stopwatch timestamps of the acknowledgements, version seededVersion + 1 first.</summary>
        public List<long> Acknowledged { get; } = [];

        public List<double> WriteMilliseconds { get; } = [];

        public long AcknowledgedAt(long version) => Acknowledged[(int)(version - seededVersion - 1)];

        public bool WasWritten(long version) => version > seededVersion && version <= Version;

        public async Task WriteAsync(LoadClient load, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new MovementRequest(Id, Grains.Domain.Account.AvailableEnvelopeId, "Feed deposit", DepositLedger.Amount), BenchHttp.Json);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var sent = Stopwatch.GetTimestamp();
                    var status = await load.PostAsync("/accounts/deposit", body, CancellationToken.None);
                    if (!LoadClient.IsAcknowledged(status)) throw new InvalidOperationException($"A feed deposit was answered {status}.");
                    var acknowledged = Stopwatch.GetTimestamp();
                    lock (Acknowledged) Acknowledged.Add(acknowledged);
                    WriteMilliseconds.Add(Stopwatch.GetElapsedTime(sent, acknowledged).TotalMilliseconds);
                    await Task.Delay(WritePause, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // the measured time is over
            }
        }
    }

    /// <summary>One open event stream: which versions arrived when, and whether any came twice or not at all.</summary>
    private sealed class Subscriber(FeedAccount account)
    {
        private readonly ConcurrentQueue<(long Version, long At)> _received = new();
        private readonly StringBuilder _line = new();

        public FeedAccount Account { get; } = account;

        public bool Connected { get; private set; }

        public long LastVersion { get; private set; }

        public int Duplicates { get; private set; }

        public int Missed { get; private set; }

        public Task<int> RunAsync(LoadClient load, CancellationToken cancellationToken)
        {
            LastVersion = Account.Version;
            return load.StreamAsync($"/accounts/{Account.Id}/events?since={LastVersion}", Take, cancellationToken);
        }

        /// <summary>Delivery delays in milliseconds, for the events written during the measured time.</summary>
        public IEnumerable<double> Delays() => _received
            .Where(r => Account.WasWritten(r.Version))
            .Select(r => Math.Max(0, Stopwatch.GetElapsedTime(Account.AcknowledgedAt(r.Version), r.At).TotalMilliseconds));

        /// <summary>Reads SSE lines; only <c>id:</c> matters here. The first bytes (the retry field) mean the stream is open.</summary>
        private void Take(ReadOnlySpan<byte> piece)
        {
            Connected = true;
            var at = Stopwatch.GetTimestamp();
            foreach (var b in piece)
            {
                if (b != (byte)'\n')
                {
                    _line.Append((char)b);
                    continue;
                }
                if (_line.Length > 4 && _line[0] == 'i' && _line[1] == 'd' && _line[2] == ':')
                    Arrived(long.Parse(_line.ToString(4, _line.Length - 4), CultureInfo.InvariantCulture), at);
                _line.Clear();
            }
        }

        private void Arrived(long version, long at)
        {
            if (version <= LastVersion) Duplicates++;
            else Missed += (int)(version - LastVersion - 1);
            LastVersion = Math.Max(LastVersion, version);
            _received.Enqueue((version, at));
        }
    }
}
