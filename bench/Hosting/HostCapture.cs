using System.Diagnostics;
using NVelopes.Grains.Storage;

namespace NVelopes.Bench.Hosting;

/// <summary>
/// Catches the host that <c>src/Api/Program.cs</c> builds, as it builds it: .NET's hosting announces every host it
/// builds on the <c>Microsoft.Extensions.Hosting</c> diagnostic listener (the hook <c>WebApplicationFactory</c>
/// relies on too). Only a host with an account store is NVelopes; the baseline's host is ignored.
/// </summary>
internal sealed class HostCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string HostingListener = "Microsoft.Extensions.Hosting";
    private const string HostBuiltEvent = "HostBuilt";

    private readonly TaskCompletionSource<IHost> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];

    public HostCapture()
    {
        lock (_subscriptions) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Completes with the NVelopes host once it is built (it is not started yet).</summary>
    public Task<IHost> Built => _built.Task;

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != HostingListener) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> hostingEvent)
    {
        if (hostingEvent is { Key: HostBuiltEvent, Value: IHost host } && host.Services.GetService<IAccountStore>() is not null)
            _built.TrySetResult(host);
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Dispose();
            _subscriptions.Clear();
        }
    }
}
