using Microsoft.Extensions.Hosting;
using NVelopes.Hosting;
using NVelopes.Hosting.Observability;

// The settings next to the binary apply wherever the silo is started from (`dotnet run --project src/Silo`).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNVelopesObservability("nvelopes-silo");
builder.UseOrleans(silo => silo.AddNVelopesSilo(builder.Configuration));
await builder.Build().RunAsync();

/// <summary>The silo host's entry point; internal, so that only the gateway's <c>Program</c> is public (for tests).</summary>
internal partial class Program;
