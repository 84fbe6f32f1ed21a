using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NVelopes.Bench.Hosting;

/// <summary>
/// The real NVelopes gateway with its co-hosted silo, started in this process on a free loopback port by running
/// the gateway's own entry point (<c>src/Api/Program.cs</c>, unchanged) with command-line configuration.
/// <para>
/// Why this way: <c>WebApplicationFactory</c> serves through an in-memory TestServer and skips Kestrel and the
/// sockets a benchmark must include; a copy of Program.cs in the bench would drift from the real one. A child process
/// would hide the silo from the memory scenario (which weighs activations with <see cref="GC.GetTotalMemory(bool)"/>)
/// and from the scenarios that create accounts through the very account store instance the grains use. Running the
/// entry point here gives the shipped application, middleware and all, on a real socket; its host is caught as it
/// is built (<see cref="HostCapture"/>) for its services and its address.
/// </para>
/// </summary>
internal sealed class NVelopesService(IHost host, Task exited, Uri address) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public Uri Address { get; } = address;

    public IServiceProvider Services => host.Services;

    public static async Task<NVelopesService> StartAsync(StoreSettings store, CancellationToken cancellationToken)
    {
        var entryPoint = typeof(Program).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The gateway assembly has no entry point.");
        using var capture = new HostCapture();
        var exited = RunOnOwnThread(entryPoint, [.. store.NVelopesArguments(FreePort.Next(), FreePort.Next())]);

        var built = await Task.WhenAny(capture.Built, exited).WaitAsync(StartTimeout, cancellationToken);
        if (built == exited)
        {
            await exited; // throws what stopped the gateway
            throw new InvalidOperationException("The gateway's entry point returned before it built its host.");
        }
        var host = await capture.Built;

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            if (await Task.WhenAny(started.Task, exited).WaitAsync(StartTimeout, cancellationToken) == exited)
            {
                await exited;
                throw new InvalidOperationException("The gateway stopped while starting.");
            }
        }
        return new NVelopesService(host, exited, ListeningAddress(host.Services));
    }

    /// <summary>The address Kestrel bound for <c>http://127.0.0.1:0</c>.</summary>
    public static Uri ListeningAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server reports no addresses.");
        return new Uri(addresses.Addresses.First());
    }

    /// <summary>Stops the gateway the way a signal would; <c>app.Run()</c> then returns and disposes the host.</summary>
    public async ValueTask DisposeAsync()
    {
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await exited;
    }

    /// <summary><c>app.Run()</c> blocks its thread until the application stops, so the entry point gets a thread of its own.</summary>
    private static Task RunOnOwnThread(MethodInfo entryPoint, string[] args)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                entryPoint.Invoke(null, [args]);
                exited.TrySetResult();
            }
            catch (TargetInvocationException failed)
            {
                exited.TrySetException(failed.InnerException ?? failed);
            }
        })
        {
            IsBackground = true,
            Name = "NVelopes gateway",
        };
        thread.Start();
        return exited.Task;
    }
}
