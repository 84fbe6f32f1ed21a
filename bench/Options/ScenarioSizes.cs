namespace NVelopes.Bench.Options;

/// <summary>How big each scenario's data is: the sizes, or small ones for the CI smoke run.</summary>
public sealed record ScenarioSizes(
    int ManyAccounts, int ReadAccounts, long DeepHistory, int MemoryAccounts, int PagingSamples, int FeedAccounts, int FeedSubscribers,
    int UnknownIds, int EnvelopeAdds, int ImportLines = 10_000)
{
    public static ScenarioSizes Full { get; } = new(
        ManyAccounts: 10_000, ReadAccounts: 1_000, DeepHistory: 1_000_000, MemoryAccounts: 10_000, PagingSamples: 25,
        FeedAccounts: 100, FeedSubscribers: 1_000, UnknownIds: 30_000, EnvelopeAdds: 30_000);

    public static ScenarioSizes Smoke { get; } = new(
        ManyAccounts: 200, ReadAccounts: 200, DeepHistory: 20_000, MemoryAccounts: 500, PagingSamples: 5,
        FeedAccounts: 10, FeedSubscribers: 100, UnknownIds: 2_000, EnvelopeAdds: 1_000, ImportLines: 1_000);

    /// <summary>Envelopes every seeded account gets besides envelope 0 "Available".</summary>
    public const int EnvelopesPerAccount = 10;

    /// <summary>The page size of the paging scenario.</summary>
    public const int PageSize = 100;
}
