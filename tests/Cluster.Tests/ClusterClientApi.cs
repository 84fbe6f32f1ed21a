using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// The real API host, configured as a client of <paramref name="cluster"/>. The factory finds the entry point
/// through any type of the API assembly; <c>Program</c> itself is ambiguous here, as the silo has one too.
/// </summary>
internal sealed class ClusterClientApi(MongoDbTestCluster cluster, string signingKey) : WebApplicationFactory<NVelopes.Api.Errors.NVelopesExceptionHandler>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Api:Orleans", "Client");
        builder.UseSetting("Cluster:Provider", "MongoDB");
        builder.UseSetting("ConnectionStrings:MongoDB", cluster.ConnectionString);
        builder.UseSetting("Orleans:ClusterId", cluster.Cluster.Options.ClusterId);
        builder.UseSetting("Orleans:ServiceId", cluster.Cluster.Options.ServiceId);
        builder.UseSetting("Jwt:SigningKey", signingKey);
        // A client has no store of its own; this keeps the Development key file out of the working directory.
        builder.UseSetting("Storage:DataDirectory", Path.Combine(Path.GetTempPath(), "nvelopes-cluster-tests", Guid.NewGuid().ToString("N")));
    }
}
