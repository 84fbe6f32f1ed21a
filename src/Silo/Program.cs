using Microsoft.Extensions.Hosting;
using NVelopes.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddNVelopesSilo(builder.Configuration));
await builder.Build().RunAsync();
