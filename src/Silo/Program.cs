using Microsoft.Extensions.Hosting;
using NVelopes.Silo.Hosting;
using NVelopes.Silo.Observability;

var builder = Host.CreateApplicationBuilder(args);
builder.AddNVelopesObservability("nvelopes-silo");
builder.UseOrleans(silo => silo.AddNVelopesSilo(builder.Configuration));
await builder.Build().RunAsync();

/// <summary>The silo host's entry point; internal, so that only the gateway's <c>Program</c> is public (for tests).</summary>
internal partial class Program;
