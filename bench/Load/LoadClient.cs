using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NVelopes.Bench.Load;

/// <summary>
/// The measured load's HTTP client for one server: kept-alive <see cref="LoadConnection"/>s, one per request in
/// flight, each request sent with the bench user's bearer token. Answers are reduced to their status code (0 when
/// none came); requests that did not get a whole answer within the timeout count as 0.
/// </summary>
internal sealed class LoadClient(Uri server, string accessToken) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IPEndPoint _endpoint = new(
        IPAddress.TryParse(server.Host, out var address) ? address : Dns.GetHostAddresses(server.Host)[0], server.Port);
    private readonly string _fixedHeaders = $"Host: {server.Authority}\r\nAuthorization: Bearer {accessToken}\r\n";
    private readonly ConcurrentBag<LoadConnection> _idle = [];

    /// <summary>Whether a status code counts as an acknowledged operation (2xx).</summary>
    public static bool IsAcknowledged(int status) => status is >= 200 and < 300;

    public Task<int> GetAsync(string path, CancellationToken cancellationToken) =>
        ExchangeAsync(LoadConnection.Request("GET", path, _fixedHeaders, []), cancellationToken);

    public Task<int> PostAsync(string path, byte[] json, CancellationToken cancellationToken) =>
        ExchangeAsync(LoadConnection.Request("POST", path, _fixedHeaders, json), cancellationToken);

    /// <summary>
    /// Opens a stream (<c>GET</c>, such as an event feed) on a connection of its own with a small buffer, and hands
    /// its body to <paramref name="onBody"/> until it ends or <paramref name="cancellationToken"/> closes it.
    /// </summary>
    public async Task<int> StreamAsync(string path, LoadConnection.BodyConsumer onBody, CancellationToken cancellationToken)
    {
        using var connection = await LoadConnection.OpenAsync(_endpoint, cancellationToken, bufferSize: StreamBufferSize);
        await using var closing = cancellationToken.Register(connection.Dispose);
        try
        {
            return await connection.StreamAsync(LoadConnection.Request("GET", path, _fixedHeaders, []), onBody, cancellationToken);
        }
        catch (Exception closed) when (closed is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                                       && cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private const int StreamBufferSize = 1024;

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }

    private async Task<int> ExchangeAsync(byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        LoadConnection? connection = null;
        try
        {
            if (!_idle.TryTake(out connection)) connection = await LoadConnection.OpenAsync(_endpoint, timeout.Token);
            var status = await connection.ExchangeAsync(request, timeout.Token);
            if (connection.Reusable) _idle.Add(connection);
            else connection.Dispose();
            return status;
        }
        catch (Exception failed) when (failed is IOException or SocketException or OperationCanceledException
                                       && !cancellationToken.IsCancellationRequested)
        {
            connection?.Dispose();
            return 0;
        }
        catch
        {
            connection?.Dispose(); // the run is being cancelled: the connection is mid-request
            throw;
        }
    }
}
