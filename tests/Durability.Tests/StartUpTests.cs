namespace NVelopes.Durability.Tests;

/// <summary>The service as a real process at start-up: quiet when healthy, one clear line and exit code 1 when refused.</summary>
public sealed class StartUpTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-startup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task HealthyStart_LogsNoWarning_OfTheSiloWatchdog()
    {
        var (keySetting, signingKey) = ServiceProcess.NewSigningKey();
        await using var service = new ServiceProcess(Deployment(new() { [keySetting] = signingKey }));

        await service.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the watchdog looks every second

        Assert.DoesNotContain("Participant check thread", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans.Runtime.Watchdog", service.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jwt:SigningKey is not set")]
    [InlineData("Dashboard:Password is not set")]
    public async Task RefusedStart_IsOneLogLine_AndExitCode1(string reason)
    {
        var settings = reason.StartsWith("Dashboard", StringComparison.Ordinal)
            ? new Dictionary<string, string> { [ServiceProcess.NewSigningKey().Key] = ServiceProcess.NewSigningKey().Value, ["Dashboard__Enabled"] = "true" }
            : new Dictionary<string, string>();
        await using var service = new ServiceProcess(Deployment(settings));

        var exitCode = await service.RunToExitAsync(TimeSpan.FromSeconds(60));

        var lines = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, exitCode);
        Assert.True(lines.Length == 1, $"Expected the refusal alone, got {lines.Length} lines:\n{service.Output}");
        var line = lines[0];
        Assert.Contains("NVelopes did not start: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private Dictionary<string, string> Deployment(Dictionary<string, string> settings)
    {
        settings["Storage__Provider"] = "Sqlite";
        settings["Storage__DataDirectory"] = _dataDirectory;
        return settings;
    }
}
