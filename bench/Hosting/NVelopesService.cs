using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NVelopes.Api.Accounts;
using NVelopes.Api.Auth;
using NVelopes.Api.Errors;
using NVelopes.Api.Health;
using NVelopes.Api.Hosting;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Users;
using NVelopes.Bench.Options;
using NVelopes.Grains.Storage;
using Orleans.Configuration;

namespace NVelopes.Bench.Hosting;

/// <summary>
/// The real NVelopes gateway with its co-hosted silo, started in this process on a free loopback port.
/// <para>
/// Why in-process and not <c>WebApplicationFactory</c> or a child process: the factory serves through an in-memory
/// TestServer, which skips Kestrel and the sockets that a benchmark must include; a child process would hide the
/// silo from the memory scenario (which weighs activations with <see cref="GC.GetTotalMemory(bool)"/>) and from the
/// scenarios that create accounts through the very <see cref="IAccountStore"/> instance the grains use. So this
/// composes the application exactly as <c>src/Api/Program.cs</c> does, from the gateway's own public hosting
/// extensions, and only adds what a benchmark needs: explicit configuration, logs on stderr, Kestrel on port 0 and
/// silo ports of its own (several runs, or the API tests, may run on this machine at once).
/// </para>
/// </summary>
internal sealed class NVelopesService(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public IServiceProvider Services => app.Services;

    public static async Task<NVelopesService> StartAsync(StoreSettings store, CancellationToken cancellationToken)
    {
        var contentRoot = store.RunDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(store.NVelopesConfiguration());
        builder.Logging.AddBenchLogging();
        UseOwnClusterPorts(builder);

        // The composition of src/Api/Program.cs, step for step.
        builder.UseNVelopesDefaultUrls();
        builder.AddNVelopesSilo();
        builder.Services.AddNVelopesJson();
        builder.Services.AddNVelopesProblemDetails();
        builder.Services.AddNVelopesAuthentication();
        builder.Services.AddNVelopesHealthChecks();
        builder.Services.AddNVelopesOpenApi();
        builder.Services.AddValidation();

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNVelopesDocs();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapTokenEndpoints();
        app.MapUsersEndpoints();
        app.MapAccountsEndpoints();
        app.MapNVelopesHealthEndpoints();

        await app.StartAsync(cancellationToken);
        return new NVelopesService(app, ListeningAddress(app));
    }

    /// <summary>The address Kestrel bound for <c>http://127.0.0.1:0</c>.</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server reports no addresses.");
        return new Uri(addresses.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static void UseOwnClusterPorts(WebApplicationBuilder builder)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        // Post-configuration runs after every Configure, so these replace the fixed ports of localhost clustering.
        builder.Services.PostConfigure<EndpointOptions>(options =>
        {
            options.SiloPort = siloPort;
            options.GatewayPort = gatewayPort;
        });
        builder.Services.PostConfigure<DevelopmentClusterMembershipOptions>(options =>
            options.PrimarySiloEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, siloPort));
        builder.Services.PostConfigure<ClusterOptions>(options => options.ClusterId = $"nvelopes-bench-{siloPort}");
    }
}
