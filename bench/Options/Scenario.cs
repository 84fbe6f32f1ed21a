namespace NVelopes.Bench.Options;

/// <summary>The scenario names of <c>--scenario</c>, in the order <c>all</c> runs them.</summary>
public static class Scenario
{
    public const string HotAccount = "hot-account";
    public const string ManyAccounts = "many-accounts";
    public const string Reads = "reads";
    public const string DeepPaging = "deep-paging";
    public const string Memory = "memory";
    public const string Feed = "feed";
    public const string Limits = "limits";
    public const string Import = "import";
    public const string All = "all";

    public static IReadOnlyList<string> Every { get; } = [HotAccount, ManyAccounts, Reads, DeepPaging, Memory, Feed, Limits, Import];
}
