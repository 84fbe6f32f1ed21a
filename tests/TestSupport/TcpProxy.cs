using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NVelopes.TestSupport;

/// <summary>
/// A TCP proxy on a free loopback port in front of one server, which a test can cut and restore: while cut, open
/// connections are dropped and new ones are accepted but never answered (a network partition, so clients wait for
/// their own timeouts rather than failing at once).
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpProxy(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Drops every connection and leaves new ones unanswered until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        CloseAll();
    }

    /// <summary>Forwards again; connections accepted while cut are closed, so their clients reconnect.</summary>
    public void Restore()
    {
        CloseAll();
        _cut = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _open[client] = 0;
            if (!_cut) _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stopping.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception broken) when (broken is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }
        catch (Exception broken) when (broken is SocketException or ObjectDisposedException)
        {
        }
    }

    private void CloseAll()
    {
        foreach (var socket in _open.Keys) Close(socket);
    }

    private void Close(Socket socket)
    {
        if (!_open.TryRemove(socket, out _)) return;
        try
        {
            socket.Close(0);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        CloseAll();
        await _accepting;
        _stopping.Dispose();
    }
}
