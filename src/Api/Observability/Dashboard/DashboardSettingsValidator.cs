using Microsoft.Extensions.Options;
using NVelopes.Hosting.Observability;

namespace NVelopes.Api.Observability.Dashboard;

/// <summary>
/// Refuses to start a gateway whose dashboard is on outside Development without an operator password of at least
/// <see cref="DashboardSettings.MinimumPasswordLength"/> characters, and any gateway with a shorter one.
/// </summary>
public sealed class DashboardSettingsValidator(IHostEnvironment environment) : IValidateOptions<DashboardSettings>
{
    public ValidateOptionsResult Validate(string? name, DashboardSettings options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.Username))
            return ValidateOptionsResult.Fail("Dashboard:Username must not be empty when the dashboard is enabled.");
        if (string.IsNullOrEmpty(options.Password))
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Dashboard:Enabled is true but Dashboard:Password is not set: outside Development the dashboard needs an operator password of at least {DashboardSettings.MinimumPasswordLength} characters (give it as Dashboard__Password).");
        return options.Password.Length >= DashboardSettings.MinimumPasswordLength
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Dashboard:Password must be at least {DashboardSettings.MinimumPasswordLength} characters.");
    }
}
