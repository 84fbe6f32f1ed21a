using System.Net;
using System.Net.Sockets;
using System.Text;
using NVelopes.Bench.Load;

namespace NVelopes.Bench.Tests;

/// <summary>
/// The load generator's HTTP/1.1 client against a server that answers canned bytes: every framing the measured
/// servers use is read to its end, so the next request on the same connection gets its own answer.
/// </summary>
public sealed class LoadClientTests
{
    [Fact]
    public async Task AnswersOfEveryFraming_AreReadWholeOnOneKeptAliveConnection()
    {
        string[] answers =
        [
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3;x=y\r\n12}\r\n0\r\n\r\n",
            "HTTP/1.1 404 Not Found\r\ncontent-length: 11\r\n\r\nnot found!!",
            "HTTP/1.1 204 No Content\r\n\r\n",
            "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
        ];
        await using var server = await CannedServer.StartAsync(answers);
        using var client = new LoadClient(server.Address, "token-1");

        var statuses = new List<int>();
        foreach (var _ in answers) statuses.Add(await client.GetAsync("/accounts/a1", CancellationToken.None));

        Assert.Equal([200, 404, 204, 201], statuses);
        Assert.Equal(1, server.Connections);
        var first = server.Requests[0];
        Assert.StartsWith("GET /accounts/a1 HTTP/1.1\r\n", first);
        Assert.Contains("\r\nAuthorization: Bearer token-1\r\n", first);
    }

    [Fact]
    public async Task APost_SendsItsJsonBody_AndAConnectionTheServerCloses_IsReplaced()
    {
        string[] answers =
        [
            "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
        ];
        await using var server = await CannedServer.StartAsync(answers);
        using var client = new LoadClient(server.Address, "token-2");
        var body = "{\"amount\":1.5}"u8.ToArray();

        var first = await client.PostAsync("/accounts/deposit", body, CancellationToken.None);
        var second = await client.PostAsync("/accounts/deposit", body, CancellationToken.None);

        Assert.Equal(400, first);
        Assert.Equal(200, second);
        Assert.Equal(2, server.Connections);
        Assert.EndsWith("Content-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"amount\":1.5}", server.Requests[0]);
    }

    [Fact]
    public async Task AServerThatHangsUpMidAnswer_CountsAsNoAnswer()
    {
        await using var server = await CannedServer.StartAsync(["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"], hangUp: true);
        using var client = new LoadClient(server.Address, "token-3");

        Assert.Equal(0, await client.GetAsync("/accounts/a1", CancellationToken.None));
    }

    /// <summary>A loopback server that answers the n-th request it reads with the n-th canned answer.</summary>
    private sealed class CannedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly string[] _answers;
        private readonly bool _hangUp;
        private readonly CancellationTokenSource _stop = new();
        private Task _serving = Task.CompletedTask;
        private int _answered;

        private CannedServer(string[] answers, bool hangUp)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _answers = answers;
            _hangUp = hangUp;
        }

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public int Connections { get; private set; }

        public List<string> Requests { get; } = [];

        public static Task<CannedServer> StartAsync(string[] answers, bool hangUp = false)
        {
            var server = new CannedServer(answers, hangUp);
            server._listener.Start();
            server._serving = server.ServeAsync();
            return Task.FromResult(server);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try { await _serving; } catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException) { }
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                Connections++;
                var stream = connection.GetStream();
                while (_answered < _answers.Length && await ReadRequestAsync(stream) is { } request)
                {
                    Requests.Add(request);
                    var answer = _answers[_answered++];
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                    if (_hangUp || answer.Contains("Connection: close", StringComparison.Ordinal)) break;
                }
            }
        }

        /// <summary>One request: its head, and as many body bytes as its Content-Length names.</summary>
        private async Task<string?> ReadRequestAsync(NetworkStream stream)
        {
            var received = new StringBuilder();
            var one = new byte[1];
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0) return null;
                received.Append((char)one[0]);
            }
            var head = received.ToString();
            var lengthLine = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, _stop.Token);
            return head + Encoding.ASCII.GetString(body);
        }
    }
}
