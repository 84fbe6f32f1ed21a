using System.Security.Cryptography;
using MongoDB.Driver;
using NVelopes.Bench.Options;

namespace NVelopes.Bench.Hosting;

/// <summary>
/// Where each system keeps its data in one run: NVelopes and the baseline get separate SQLite files, or separate
/// fresh MongoDB databases, of the same kind of store with the same durability.
/// </summary>
internal sealed class StoreSettings
{
    private StoreSettings(StoreKind kind, string runId)
    {
        Kind = kind;
        RunId = runId;
        RunDirectory = RunDirectoryOf(runId);
        Directory.CreateDirectory(RunDirectory);
    }

    /// <summary>Account changes the bench user may make per minute: more than any scenario makes.</summary>
    public const int WritesPerUser = 1_000_000_000;

    public StoreKind Kind { get; }

    public string RunId { get; }

    /// <summary>
    /// This run's folder under the temp directory; it also serves as the hosts' (empty) content root, so no
    /// appsettings file in the build output changes what the bench configures explicitly.
    /// </summary>
    public string RunDirectory { get; }

    /// <summary>Embedded: NVelopes' <c>Storage:DataDirectory</c>.</summary>
    public string? NVelopesDataDirectory { get; private init; }

    /// <summary>Embedded: the baseline's own data directory.</summary>
    public string? BaselineDataDirectory { get; private init; }

    /// <summary>MongoDB: NVelopes' connection string, naming its own database.</summary>
    public string? NVelopesConnectionString { get; private init; }

    /// <summary>MongoDB: the baseline's connection string, naming its own database.</summary>
    public string? BaselineConnectionString { get; private init; }

    /// <summary>The HS256 key NVelopes signs and checks its tokens with in this run.</summary>
    public string NVelopesSigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    /// <summary>
    /// Fresh places for this run. With <paramref name="external"/> (<c>--url</c>) NVelopes' store is the running
    /// gateway's: its data directory, or the database named in <c>MONGODB_URI</c>.
    /// </summary>
    public static StoreSettings Create(BenchOptions options, bool external)
    {
        var runId = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
        if (options.Store == StoreKind.Embedded)
        {
            var runDirectory = RunDirectoryOf(runId);
            return new StoreSettings(options.Store, runId)
            {
                NVelopesDataDirectory = external ? Path.GetFullPath(options.DataDirectory!) : Path.Combine(runDirectory, "nvelopes"),
                BaselineDataDirectory = Path.Combine(runDirectory, "baseline"),
            };
        }

        var uri = options.MongoDbUri!;
        return new StoreSettings(options.Store, runId)
        {
            NVelopesConnectionString = external ? uri : WithDatabase(uri, $"nvbench_{runId}"),
            BaselineConnectionString = WithDatabase(uri, $"nvbench_{runId}_baseline"),
        };
    }

    /// <summary>
    /// The command line the in-process gateway runs with: what <c>--urls</c>, <c>Storage__…</c> and <c>Jwt__…</c>
    /// would set for a deployment, plus a silo of its own on free ports, warnings only, and logs on stderr so that
    /// stdout carries nothing but RESULT lines. The content root is this run's empty folder: no appsettings file
    /// in the build output changes what is set here. The bench's one user drives the load of many, so the per-user
    /// limit of account changes is raised out of its way (the limiter still runs, as in a deployment).
    /// </summary>
    public IEnumerable<string> NVelopesArguments(int siloPort, int gatewayPort)
    {
        yield return "--environment=Production";
        yield return $"--contentRoot={RunDirectory}";
        yield return "--urls=http://127.0.0.1:0";
        yield return $"--Jwt:SigningKey={NVelopesSigningKey}";
        yield return $"--Orleans:SiloPort={siloPort}";
        yield return $"--Orleans:GatewayPort={gatewayPort}";
        yield return $"--Orleans:ClusterId=nvelopes-bench-{siloPort}";
        yield return "--Logging:LogLevel:Default=Warning";
        yield return "--Logging:Console:LogToStandardErrorThreshold=Trace";
        yield return $"--RateLimiting:Writes:PerUser={WritesPerUser}";
        if (Kind == StoreKind.Embedded)
        {
            yield return "--Storage:Provider=Sqlite";
            yield return $"--Storage:DataDirectory={NVelopesDataDirectory}";
        }
        else
        {
            yield return "--Storage:Provider=MongoDB";
            yield return $"--ConnectionStrings:MongoDB={NVelopesConnectionString}";
        }
    }

    /// <summary>Deletes what this run created: its directories, or its databases.</summary>
    public async Task DeleteAsync(bool external)
    {
        if (Kind == StoreKind.MongoDB)
        {
            await DropAsync(BaselineConnectionString!);
            if (!external) await DropAsync(NVelopesConnectionString!);
        }
        // An external gateway's data directory is outside the run directory and stays.
        TryDelete(RunDirectory);
    }

    private static string RunDirectoryOf(string runId) => Path.Combine(Path.GetTempPath(), "nvelopes-bench", runId);

    private static string WithDatabase(string uri, string database) =>
        new MongoUrlBuilder(uri) { DatabaseName = database }.ToString();

    private static async Task DropAsync(string connectionString)
    {
        var url = MongoUrl.Create(connectionString);
        using var client = new MongoClient(url);
        await client.DropDatabaseAsync(url.DatabaseName);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind under the temp folder; nothing depends on it.
        }
    }
}
