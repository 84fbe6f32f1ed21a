using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.TestSupport;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>
/// The real gateway with its co-hosted silo and the embedded SQLite store in <see cref="DataDirectory"/>.
/// Each factory listens on its own free silo and gateway ports, so factories can run side by side, and two
/// factories on one data directory and key are the same service restarted. A null key leaves
/// <c>Jwt:SigningKey</c> unset, as on a machine where nobody configured one. The rate limits are raised so far that
/// no test is throttled; <see cref="Settings"/> and <see cref="ConfigureTestServices"/> change the service for the
/// tests that need something else (low limits, another store, a faulty store, captured logs).
/// </summary>
public class NVelopesApiFactory(string dataDirectory, string? signingKey, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public const string Issuer = "nvelopes-tests";
    public const string Audience = "nvelopes-tests-api";

    private readonly OwnLocalCluster _cluster = new("api-tests-");

    public string DataDirectory { get; } = dataDirectory;
    public string SigningKey { get; } = signingKey ?? "";

    /// <summary>Configuration applied after the defaults above, so it overrides them.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs after the service's own registrations, to decorate or replace them.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>A fresh, empty data directory under the system temp folder.</summary>
    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "nvelopes-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A random HS256 key of 64 bytes, as base64 text.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (signingKey is not null) builder.UseSetting("Jwt:SigningKey", signingKey);
        builder.UseSetting("Jwt:Issuer", Issuer);
        builder.UseSetting("Jwt:Audience", Audience);
        foreach (var rule in new[] { "Token", "Signup", "UserExists" })
        {
            builder.UseSetting($"RateLimiting:{rule}:PerClientAddress", "1000000");
            builder.UseSetting($"RateLimiting:{rule}:PerUsername", "1000000");
        }
        builder.UseSetting("RateLimiting:Writes:PerUser", "1000000");
        foreach (var (key, value) in _cluster.Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            _cluster.Configure(services);
            // Every test signs up and logs in: hash with far fewer PBKDF2 rounds than the service's default, so
            // the suite's time goes to what it tests. The format and the checks are the same.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            ConfigureTestServices?.Invoke(services);
        });
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }
}
