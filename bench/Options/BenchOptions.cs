using System.Globalization;

namespace NVelopes.Bench.Options;

/// <summary>The command line of the benchmark.</summary>
public sealed record BenchOptions
{
    public const string MongoDbUriVariable = "MONGODB_URI";

    public const string Usage = """
        usage: dotnet run -c Release --project bench -- [options]
          --scenario NAME     hot-account | many-accounts | reads | deep-paging | memory | feed | limits | import | all
                              (default all); several names may be joined with commas
          --seconds S         measured seconds per system and scenario (default 10), after a warm-up, in rounds
                              that alternate between the two systems
          --store STORE       embedded | mongodb (default embedded); mongodb reads MONGODB_URI
          --concurrency N     concurrent HTTP clients (default 64)
          --url URL           drive an NVelopes gateway that is already running instead of starting one; its store
                              must be reachable from here: --data-dir DIR (embedded) or the database in MONGODB_URI
          --data-dir DIR      with --url and --store embedded: the gateway's Storage:DataDirectory
          --smoke             small sizes (200 accounts, 20,000 transactions) so that CI keeps the benchmark working
          --keep              keep the data directories and databases afterwards
        """;

    public IReadOnlyList<string> Scenarios { get; init; } = Scenario.Every;
    public double Seconds { get; init; } = 10;
    public StoreKind Store { get; init; } = StoreKind.Embedded;
    public int Concurrency { get; init; } = 64;
    public Uri? Url { get; init; }
    public string? DataDirectory { get; init; }
    public bool Smoke { get; init; }
    public bool Keep { get; init; }
    public string? MongoDbUri { get; init; }

    public ScenarioSizes Sizes => Smoke ? ScenarioSizes.Smoke : ScenarioSizes.Full;

    /// <summary>Unmeasured load on each system before the measured rounds, at least: pools and caches settle.</summary>
    public TimeSpan Warmup => TimeSpan.FromSeconds(Math.Clamp(Seconds / 3, 0.5, 5));

    /// <summary>The longest warm-up, which goes on past <see cref="Warmup"/> while the JIT is still tiering up.</summary>
    public TimeSpan WarmupLimit => Smoke ? Warmup : TimeSpan.FromSeconds(30);

    /// <summary>How many alternating rounds the measured seconds of each system are split into (one per 5 s, up to 4).</summary>
    public int Rounds => Math.Clamp((int)(Seconds / 5), 1, 4);

    public TimeSpan Measured => TimeSpan.FromSeconds(Seconds);

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with the reason on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new BenchOptions { MongoDbUri = environment(MongoDbUriVariable) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--scenario" => options with { Scenarios = ScenariosOf(Value()) },
                "--seconds" => options with { Seconds = Positive(name, double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--store" => options with { Store = StoreOf(Value()) },
                "--concurrency" => options with { Concurrency = (int)Positive(name, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--url" => options with { Url = new Uri(Value(), UriKind.Absolute) },
                "--data-dir" => options with { DataDirectory = Value() },
                "--smoke" => options with { Smoke = true },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        if (options.Store == StoreKind.MongoDB && string.IsNullOrWhiteSpace(options.MongoDbUri))
            throw new ArgumentException($"--store mongodb takes its server from {MongoDbUriVariable}, which is not set.");
        if (options.Url is not null && options.Store == StoreKind.Embedded && string.IsNullOrWhiteSpace(options.DataDirectory))
            throw new ArgumentException("--url with --store embedded needs --data-dir: accounts are created through the gateway's store.");
        return options;
    }

    /// <summary><c>all</c>, one name, or several separated by commas (run in the order <c>all</c> runs them).</summary>
    private static IReadOnlyList<string> ScenariosOf(string value)
    {
        if (value == Scenario.All) return Scenario.Every;
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.FirstOrDefault(n => !Scenario.Every.Contains(n));
        return unknown is null && names.Length > 0
            ? [.. Scenario.Every.Where(names.Contains)]
            : throw new ArgumentException($"Unknown scenario '{unknown ?? value}'; use {string.Join(", ", Scenario.Every)} or {Scenario.All}.");
    }

    private static StoreKind StoreOf(string value) => value.ToLowerInvariant() switch
    {
        "embedded" or "sqlite" => StoreKind.Embedded,
        "mongodb" or "mongo" => StoreKind.MongoDB,
        _ => throw new ArgumentException($"Unknown store '{value}'; use embedded or mongodb."),
    };

    private static double Positive(string name, double value) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be greater than zero.");

    /// <summary>The name of the store in RESULT lines.</summary>
    public string StoreName => Store == StoreKind.Embedded ? "embedded" : "mongodb";
}
