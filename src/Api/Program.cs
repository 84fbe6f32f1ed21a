using NVelopes.Api.Accounts;
using NVelopes.Api.Auth;
using NVelopes.Api.Errors;
using NVelopes.Api.Health;
using NVelopes.Api.Households;
using NVelopes.Api.Hosting;
using NVelopes.Api.Imports;
using NVelopes.Api.Observability;
using NVelopes.Api.Reports;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Schedules;
using NVelopes.Api.Security;
using NVelopes.Api.Users;
using NVelopes.Api.Wire;
using NVelopes.Api.WebApp;

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
builder.Services.AddNVelopesAccounts();
builder.Services.AddNVelopesValidation();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNVelopesSecurity();
app.UseNVelopesDocs();
app.UseAuthentication();
app.UseAuthorization();
app.UseNVelopesWriteRateLimiting();

app.MapTokenEndpoints();
app.MapTokenRenewalEndpoints();
app.MapUsersEndpoints();
app.MapAccountsEndpoints();
app.MapSchedulesEndpoints();
app.MapImportEndpoints();
app.MapReportEndpoints();
app.MapHouseholdsEndpoints();
app.MapNVelopesHealthEndpoints();
app.MapNVelopesObservabilityEndpoints();
app.MapNVelopesWebApp();

return app.RunOrRefuse();
