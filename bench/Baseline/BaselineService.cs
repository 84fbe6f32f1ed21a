using Microsoft.AspNetCore.Authentication.JwtBearer;
using NVelopes.Api.Hosting;
using NVelopes.Api.Wire;
using NVelopes.Bench.Hosting;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The baseline served over HTTP the way the real gateway is: a minimal ASP.NET Core app on Kestrel, on a free
/// loopback port of this process, with the same JSON contract and the same bearer-token check.
/// </summary>
internal sealed class BaselineService(WebApplication app, Uri address, IBaselineStore store, BaselineTokens tokens) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public IBaselineStore Store { get; } = store;

    public BaselineTokens Tokens { get; } = tokens;

    public static async Task<BaselineService> StartAsync(IBaselineStore store, string contentRoot, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var tokens = new BaselineTokens();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = HostingExtensions.WithHostDefaults([]),
            EnvironmentName = Environments.Production,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.Logging.AddBenchLogging();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddNVelopesJson();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(tokens.Configure);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBaselineEndpoints();

        await app.StartAsync(cancellationToken);
        return new BaselineService(app, NVelopesService.ListeningAddress(app.Services), store, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Store.DisposeAsync();
    }
}
