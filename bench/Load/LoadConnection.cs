using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NVelopes.Bench.Load;

/// <summary>
/// One kept-alive HTTP/1.1 connection of the load generator: it writes a request and reads the whole answer
/// (Content-Length or chunked body), keeping only its status code.
/// <para>
/// Why not <see cref="HttpClient"/>: the load generator shares two cores with both servers, and HttpClient's
/// request and response objects, headers and handler pipeline cost a client a large share of what a server spends
/// on a request. Whatever the client spends is taken from the servers and narrows every ratio. This client does the
/// least a correct HTTP/1.1 client does, so the servers get the CPU; both systems are driven by it.
/// </para>
/// </summary>
internal sealed class LoadConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    /// <summary>Room for a whole answer of the measured requests; a feed's stream needs much less (it grows if it must).</summary>
    public const int DefaultBufferSize = 16 * 1024;

    private readonly Socket _socket;
    private byte[] _buffer;
    private int _start;
    private int _end;

    private LoadConnection(Socket socket, int bufferSize)
    {
        _socket = socket;
        _buffer = new byte[bufferSize];
    }

    /// <summary>False once the server said it closes the connection or an answer could not be read to its end.</summary>
    public bool Reusable { get; private set; } = true;

    public static async Task<LoadConnection> OpenAsync(EndPoint server, CancellationToken cancellationToken, int bufferSize = DefaultBufferSize)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, cancellationToken);
            return new LoadConnection(socket, bufferSize);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> (a whole HTTP/1.1 request) and answers the response's status code.</summary>
    public async Task<int> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        while (!request.IsEmpty)
        {
            var sent = await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
            request = request[sent..];
        }

        var headerLength = await ReadUntilAsync(HeaderEnd, cancellationToken) + HeaderEnd.Length;
        var (status, contentLength, chunked, closes) = ParseHead(_buffer.AsSpan(_start, headerLength));
        _start += headerLength;
        if (closes) Reusable = false;

        if (chunked) await ReadChunkedBodyAsync(onBody: null, cancellationToken);
        else if (contentLength is { } length) await ConsumeAsync(length, onBody: null, cancellationToken);
        else if (status is not (204 or 304) && status >= 200)
        {
            // Neither length nor chunks: the body runs to the end of the connection.
            Reusable = false;
        }
        return status;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and, when it is answered 200 with a chunked body (a stream such as an event
    /// feed), hands every piece of that body to <paramref name="onBody"/> as it arrives, until the body ends or the
    /// connection is closed. Answers the status code.
    /// </summary>
    public async Task<int> StreamAsync(ReadOnlyMemory<byte> request, BodyConsumer onBody, CancellationToken cancellationToken)
    {
        Reusable = false; // a stream is read to its end
        while (!request.IsEmpty)
        {
            var sent = await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
            request = request[sent..];
        }
        var headerLength = await ReadUntilAsync(HeaderEnd, cancellationToken) + HeaderEnd.Length;
        var (status, _, chunked, _) = ParseHead(_buffer.AsSpan(_start, headerLength));
        _start += headerLength;
        if (status != 200) return status;
        if (!chunked) throw new IOException("The stream's answer is not chunked.");
        await ReadChunkedBodyAsync(onBody, cancellationToken);
        return status;
    }

    /// <summary>Takes the pieces of a streamed body as they arrive.</summary>
    public delegate void BodyConsumer(ReadOnlySpan<byte> piece);

    public void Dispose() => _socket.Dispose();

    private static (int Status, long? ContentLength, bool Chunked, bool Closes) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
            throw new IOException("The answer does not start with an HTTP/1.1 status line.");
        long? contentLength = null;
        var chunked = false;
        var closes = false;
        var lines = head[(head.IndexOf(CrLf) + 2)..];
        while (lines.IndexOf(CrLf) is var lineEnd and > 0)
        {
            var line = lines[..lineEnd];
            lines = lines[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && Utf8Parser.TryParse(value, out long length, out _)) contentLength = length;
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8)) chunked = value.IndexOf("chunked"u8) >= 0;
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8)) closes = Ascii.EqualsIgnoreCase(value, "close"u8);
        }
        return (status, contentLength, chunked, closes);
    }

    /// <summary>Reads a chunked body to its end, handing its data to <paramref name="onBody"/> if there is one.</summary>
    private async Task ReadChunkedBodyAsync(BodyConsumer? onBody, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lineLength = await ReadUntilAsync(CrLf, cancellationToken);
            var sizeText = _buffer.AsSpan(_start, lineLength);
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0) sizeText = sizeText[..extension];
            if (!Utf8Parser.TryParse(sizeText.Trim((byte)' '), out long size, out _, standardFormat: 'X'))
                throw new IOException("A chunk of the answer has no valid size.");
            _start += lineLength + CrLf.Length;
            if (size == 0)
            {
                // No trailers are sent by the servers measured: the body ends with an empty line.
                var trailerLength = await ReadUntilAsync(CrLf, cancellationToken);
                _start += trailerLength + CrLf.Length;
                return;
            }
            await ConsumeAsync(size, onBody, cancellationToken);
            await ConsumeAsync(CrLf.Length, onBody: null, cancellationToken);
        }
    }

    /// <summary>Reads past <paramref name="count"/> bytes, handing them to <paramref name="onBody"/> if there is one.</summary>
    private async Task ConsumeAsync(long count, BodyConsumer? onBody, CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffered = _end - _start;
            var taken = (int)Math.Min(buffered, count);
            onBody?.Invoke(_buffer.AsSpan(_start, taken));
            _start += taken;
            count -= taken;
            if (count == 0) return;
            _start = _end = 0;
            await ReceiveAsync(cancellationToken);
        }
    }

    /// <summary>Reads until <paramref name="delimiter"/> is buffered; answers its offset from the unread start.</summary>
    private async Task<int> ReadUntilAsync(byte[] delimiter, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(delimiter);
            if (found >= 0) return searched + found;
            searched = Math.Max(0, _end - _start - delimiter.Length + 1);
            await ReceiveAsync(cancellationToken);
        }
    }

    /// <summary>Appends what the socket has to the buffer, first making room by moving the unread part to its start.</summary>
    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        if (received == 0)
        {
            Reusable = false;
            throw new IOException("The server closed the connection before the answer was complete.");
        }
        _end += received;
    }

    /// <summary>The bytes of one request: request line, the fixed headers, and the JSON body if there is one.</summary>
    public static byte[] Request(string method, string path, string fixedHeaders, ReadOnlySpan<byte> json)
    {
        var head = json.IsEmpty
            ? $"{method} {path} HTTP/1.1\r\n{fixedHeaders}\r\n"
            : $"{method} {path} HTTP/1.1\r\n{fixedHeaders}Content-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n";
        var request = new byte[Encoding.ASCII.GetByteCount(head) + json.Length];
        var written = Encoding.ASCII.GetBytes(head, request);
        json.CopyTo(request.AsSpan(written));
        return request;
    }
}
