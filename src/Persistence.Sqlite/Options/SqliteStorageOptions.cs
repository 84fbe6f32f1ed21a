namespace NVelopes.Persistence.Sqlite.Options;

/// <summary>Where the embedded store keeps its database (section <c>Storage</c>).</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory; created when missing. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "nvelopes.db";

    /// <summary>How long a statement waits for another writer before failing. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
