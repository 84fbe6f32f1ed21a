using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>The final answer to one raw request: its status, headers (names in any case) and decoded body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The problem details' detail, or null when the answer is not problem details with one.</summary>
    public string? ProblemDetail()
    {
        if (Header("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) != true) return null;
        try
        {
            using var problem = JsonDocument.Parse(Body);
            return problem.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } reason ? reason : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Sends bytes exactly as given over a fresh TCP connection and reads the answer until the server closes it, so a
/// test can send what no HTTP client would (broken chunk sizes, duplicate framing headers). Requests are expected to
/// ask for <c>Connection: close</c>; interim 1xx answers are skipped.
/// </summary>
public static class RawHttp
{
    public static async Task<RawHttpResponse?> SendAsync(IPEndPoint endPoint, byte[] request, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint, stop.Token);
        var received = new MemoryStream();
        // Read while sending: a server may answer and close before it has read all of a request it refuses.
        var reading = ReadToEndAsync(socket, received, stop.Token);
        try
        {
            await socket.SendAsync(request, SocketFlags.None, stop.Token);
        }
        catch (SocketException)
        {
        }
        await reading;
        return Parse(received.ToArray());
    }

    private static async Task ReadToEndAsync(Socket socket, MemoryStream received, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0) received.Write(buffer, 0, read);
        }
        catch (Exception ended) when (ended is SocketException or OperationCanceledException)
        {
        }
    }

    private static RawHttpResponse? Parse(byte[] bytes)
    {
        var start = 0;
        while (true)
        {
            var end = IndexOf(bytes, "\r\n\r\n"u8, start);
            if (end < 0) return null;
            var head = Encoding.Latin1.GetString(bytes, start, end - start).Split("\r\n");
            var statusLine = head[0].Split(' ', 3);
            if (statusLine.Length < 2 || !int.TryParse(statusLine[1], out var status)) return null;
            start = end + 4;
            if (status is >= 100 and < 200) continue;

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in head.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            var body = bytes.AsSpan(start).ToArray();
            if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
                body = Dechunk(body);
            else if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var count) && count <= body.Length)
                body = body[..count];
            return new RawHttpResponse(status, headers, body);
        }
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = IndexOf(chunked, "\r\n"u8, position);
            if (lineEnd < 0) break;
            var sizeText = Encoding.ASCII.GetString(chunked, position, lineEnd - position).Split(';')[0];
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0) break;
            var dataStart = lineEnd + 2;
            body.Write(chunked, dataStart, Math.Min(size, chunked.Length - dataStart));
            position = dataStart + size + 2;
            if (position >= chunked.Length) break;
        }
        return body.ToArray();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int start)
    {
        var index = bytes.AsSpan(start).IndexOf(value);
        return index < 0 ? -1 : start + index;
    }
}
