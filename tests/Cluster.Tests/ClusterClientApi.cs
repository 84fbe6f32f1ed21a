using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// The real API host, configured as a client of <paramref name="cluster"/>. The factory finds the entry point
/// through any type of the API assembly.
/// </summary>
internal sealed class ClusterClientApi(MongoDbTestCluster cluster, string signingKey) : WebApplicationFactory<Program>
{
    /// <summary>Where the embedded store would be, were the gateway to open one: a client must leave it uncreated.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "nvelopes-cluster-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Api:Orleans", "Client");
        builder.UseSetting("Cluster:Provider", "MongoDB");
        builder.UseSetting("ConnectionStrings:MongoDB", cluster.ConnectionString);
        builder.UseSetting("Orleans:ClusterId", cluster.Cluster.Options.ClusterId);
        builder.UseSetting("Orleans:ServiceId", cluster.Cluster.Options.ServiceId);
        builder.UseSetting("Jwt:SigningKey", signingKey);
        // A client has no store of its own; were one opened, it would be here rather than in the working directory.
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
    }
}
