using NVelopes.Api.Accounts;
using NVelopes.Api.Auth;
using NVelopes.Api.Errors;
using NVelopes.Api.Health;
using NVelopes.Api.Households;
using NVelopes.Api.Hosting;
using NVelopes.Api.Observability;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Security;
using NVelopes.Api.Users;

var builder = WebApplication.CreateBuilder(HostingExtensions.WithHostDefaults(args));

builder.UseNVelopesDefaultUrls();
builder.AddNVelopesOrleans();
builder.AddNVelopesObservability();
builder.Services.AddNVelopesJson();
builder.Services.AddNVelopesProblemDetails();
builder.Services.AddNVelopesSecurity();
builder.Services.AddNVelopesAuthentication();
builder.Services.AddNVelopesHealthChecks();
builder.Services.AddNVelopesOpenApi();
builder.Services.AddValidation();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNVelopesSecurity();
app.UseNVelopesDocs();
app.UseAuthentication();
app.UseAuthorization();
app.UseNVelopesWriteRateLimiting();

app.MapTokenEndpoints();
app.MapUsersEndpoints();
app.MapAccountsEndpoints();
app.MapHouseholdsEndpoints();
app.MapNVelopesHealthEndpoints();
app.MapNVelopesObservabilityEndpoints();

app.Run();
