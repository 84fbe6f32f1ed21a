namespace NVelopes.Bench.Options;

/// <summary>Which kind of store both systems run on (<c>--store</c>).</summary>
public enum StoreKind
{
    /// <summary>The embedded SQLite file (WAL, synchronous=FULL): NVelopes' default, and the baseline's own file.</summary>
    Embedded,

    /// <summary>MongoDB from <c>MONGODB_URI</c>, each system in a fresh database of its own.</summary>
    MongoDB,
}
