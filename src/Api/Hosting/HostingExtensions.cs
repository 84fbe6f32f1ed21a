using NVelopes.Silo.Hosting;

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

    /// <summary>Co-hosts an NVelopes silo in the gateway process; the silo picks its store and clustering from configuration.</summary>
    public static WebApplicationBuilder AddNVelopesSilo(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddNVelopesSilo(builder.Configuration));
        return builder;
    }
}
