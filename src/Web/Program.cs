using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using NVelopes.Web;
using NVelopes.Web.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
// The app is served by the gateway it calls: the API is at the page's own origin.
builder.Services.AddSingleton(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Session>();
builder.Services.AddSingleton<ApiClient>();
builder.Services.AddTransient<AccountFeed>();

var host = builder.Build();
await host.Services.GetRequiredService<Session>().RestoreAsync();
await host.RunAsync();
