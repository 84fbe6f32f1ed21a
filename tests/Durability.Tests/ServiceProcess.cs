using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;

namespace NVelopes.Durability.Tests;

/// <summary>
/// The real service (src/Api with its co-hosted silo) as a child process, configured like a production
/// deployment, that a test can kill with SIGKILL and start again on the same store.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    /// <param name="deploymentSettings">The store and the signing key: what a restart keeps.</param>
    public ServiceProcess(IReadOnlyDictionary<string, string> deploymentSettings)
    {
        var siloPort = FreeTcpPort();
        _environment = new Dictionary<string, string>(deploymentSettings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreeTcpPort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = "durability-" + siloPort,
            ["Logging__LogLevel__Default"] = "Warning",
            // The burst puts thousands of changes a minute through one user, far past the default per-user limit.
            ["RateLimiting__Writes__PerUser"] = "1000000",
        };
        BaseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort()}");
    }

    public Uri BaseAddress { get; }

    /// <summary>A signing key for a deployment, to give every start of it.</summary>
    public static KeyValuePair<string, string> NewSigningKey() =>
        new("Jwt__SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    /// <summary>What the service printed, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the service and returns once <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(StartInfo())!;
        _process.OutputDataReceived += (_, line) => Print(line.Data);
        _process.ErrorDataReceived += (_, line) => Print(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The service exited at start-up:\n{Output}");
            try
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service did not become ready:\n{Output}");
    }

    /// <summary>Starts the service and waits for it to exit by itself (a refused start), at most <paramref name="timeout"/>.</summary>
    public async Task<int> RunToExitAsync(TimeSpan timeout)
    {
        _process = Process.Start(StartInfo())!;
        _process.OutputDataReceived += (_, line) => Print(line.Data);
        _process.ErrorDataReceived += (_, line) => Print(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>The settings of the next start, as a deployment would change them (an empty value removes one).</summary>
    public void Set(string key, string value) => _environment[key] = value;

    /// <summary>SIGKILL: no shutdown, no flushing, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ApiAssemblyPath(), "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(ApiAssemblyPath())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            if (value.Length == 0) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return start;
    }

    private void Print(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }

    private static string ApiAssemblyPath()
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<ApiBuildConfigurationAttribute>()!.Configuration;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NVelopes.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("The repository root (NVelopes.sln) was not found.");
        return Path.Combine(directory.FullName, "src", "Api", "bin", configuration, "net10.0", "NVelopes.Api.dll");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
