using System.Net;
using System.Net.Sockets;

namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of a server, so a test can make that server unreachable for one client without
/// stopping it: <see cref="Cut"/> closes the relay and every connection through it.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _target;
    private readonly CancellationTokenSource _cut = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _lock = new();
    private readonly Task _accepting;

    public TcpRelay(string targetHost, int targetPort)
    {
        _target = new DnsEndPoint(targetHost, targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stops relaying: refuses new connections and drops the open ones.</summary>
    public void Cut()
    {
        if (_cut.IsCancellationRequested) return;
        _cut.Cancel();
        _listener.Stop();
        lock (_lock)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting;
        _cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_cut.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_cut.Token);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_lock)
        {
            _connections.Add(client);
            _connections.Add(server);
        }
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, _cut.Token);
            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            await Task.WhenAny(
                clientStream.CopyToAsync(serverStream, _cut.Token),
                serverStream.CopyToAsync(clientStream, _cut.Token));
        }
        catch (Exception dropped) when (dropped is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
