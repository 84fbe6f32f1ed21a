using NVelopes.Api.Accounts;
using NVelopes.Hosting;
using NVelopes.Hosting.Observability;

namespace NVelopes.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>Where the gateway listens when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints say.</summary>
    public const string DefaultUrl = "http://localhost:8000";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless the command line, environment or configuration names an address.</summary>
    public static WebApplicationBuilder UseNVelopesDefaultUrls(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var addressGiven =
            !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!addressGiven) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>
    /// The gateway's command line with the host defaults it needs first, so that the command line still overrides
    /// them: configuration files are read once, not watched (<c>hostBuilder:reloadConfigOnChange=false</c>).
    /// Why: watching them watches the whole content root, and the embedded store's data directory usually lies
    /// under it (<c>./data</c>), so every durable write woke a file watcher. Settings are bound at start-up anyway.
    /// </summary>
    public static string[] WithHostDefaults(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];

    /// <summary>The configuration key that chooses <see cref="OrleansMode"/>.</summary>
    public const string OrleansModeKey = "Api:Orleans";

    /// <summary>
    /// Connects the gateway to the grains as <c>Api:Orleans</c> says: by default it co-hosts an NVelopes silo, which
    /// picks its store and clustering from configuration; as a <see cref="OrleansMode.Client"/> it joins the silo
    /// cluster named by <c>Cluster:Provider</c> and the <c>Orleans</c> section.
    /// </summary>
    public static WebApplicationBuilder AddNVelopesOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue(OrleansModeKey, OrleansMode.Silo);
        _ = mode switch
        {
            OrleansMode.Silo => builder.UseOrleans(silo => silo.AddNVelopesSilo(builder.Configuration)),
            OrleansMode.Client => builder.UseOrleansClient(client => client.UseNVelopesClustering(builder.Configuration).AddNVelopesObservability(builder.Configuration)),
            _ => throw new InvalidOperationException($"{OrleansModeKey} '{mode}' is not supported: use {OrleansMode.Silo} or {OrleansMode.Client}."),
        };
        builder.Services.AddSingleton<AccountGrains>();
        return builder;
    }
}
