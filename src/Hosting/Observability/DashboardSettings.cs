using Microsoft.Extensions.Configuration;

namespace NVelopes.Hosting.Observability;

/// <summary>
/// The Orleans Dashboard (section <c>Dashboard</c>): off unless <see cref="Enabled"/>. Silos host its grains and the
/// gateway serves its pages under <c>/dashboard</c>, so in a cluster the silos and the gateway all switch it on.
/// </summary>
public sealed class DashboardSettings
{
    /// <summary>The configuration section these settings bind from.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>The shortest operator password the gateway accepts.</summary>
    public const int MinimumPasswordLength = 16;

    /// <summary>Whether the dashboard runs. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The operator's user name for the dashboard's sign-in (HTTP Basic). Default: <c>operator</c>.</summary>
    public string Username { get; set; } = "operator";

    /// <summary>
    /// The operator's password, at least <see cref="MinimumPasswordLength"/> characters. Required outside Development
    /// when the dashboard is on; in Development the dashboard is open without it. Give it through the environment
    /// (<c>Dashboard__Password</c>) or a secret store, never in a file in the repository.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Whether the dashboard's live log stream is switched off. Default: false (it streams the host's logs).</summary>
    public bool HideTrace { get; set; }

    /// <summary>The settings as configuration gives them.</summary>
    public static DashboardSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<DashboardSettings>() ?? new DashboardSettings();
}
