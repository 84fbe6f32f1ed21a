namespace NVelopes.Hosting;

/// <summary>How silos find each other and clients find the silos (<c>Cluster:Provider</c>).</summary>
public enum ClusterProvider
{
    /// <summary>The zero-setup default: one silo in one process, on the loopback interface.</summary>
    Localhost,
    /// <summary>Any number of silo processes forming one cluster through the membership table in MongoDB.</summary>
    MongoDB,
}
