using Microsoft.AspNetCore.Authentication;

namespace NVelopes.Api.Observability.Dashboard;

/// <summary>Options of the dashboard's sign-in scheme; the credentials themselves come from <c>Dashboard</c>.</summary>
public sealed class DashboardAuthenticationOptions : AuthenticationSchemeOptions;
