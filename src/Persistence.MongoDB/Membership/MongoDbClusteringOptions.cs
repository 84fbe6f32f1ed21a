using NVelopes.Persistence.MongoDB.Options;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// Options of the Orleans cluster membership on MongoDB, used by silos (the membership table) and by clients (the
/// gateway list). The server, database, write concern and timeout are configured as for the other MongoDB providers;
/// the cluster is the one named by Orleans' <c>ClusterOptions.ClusterId</c>.
/// </summary>
public sealed class MongoDbClusteringOptions : MongoDbConnectionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Cluster:MongoDB";

    /// <summary>
    /// The membership keeps two collections, named this prefix followed by <c>versions</c> (one table version per
    /// cluster) and <c>silos</c> (one row per silo). Every document carries its cluster id, so several clusters can
    /// share a database. Default: <c>membership_</c>.
    /// </summary>
    public string CollectionPrefix { get; set; } = "membership_";
}
