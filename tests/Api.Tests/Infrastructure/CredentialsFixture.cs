using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NVelopes.Api.Auth;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>A gateway of its own that logs everything down to debug level into <see cref="Logs"/> and counts password checks.</summary>
public sealed class CredentialsFixture : IAsyncLifetime
{
    public CredentialsFixture()
    {
        Factory = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
        {
            Settings = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:NVelopes"] = "Trace",
                ["Logging:LogLevel:Orleans"] = "Debug",
            },
            ConfigureTestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<UserPasswords>>(Hasher));
            },
        };
    }

    public NVelopesApiFactory Factory { get; }

    public LogCapture Logs { get; } = new();

    public CountingPasswordHasher Hasher { get; } = new();

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}
