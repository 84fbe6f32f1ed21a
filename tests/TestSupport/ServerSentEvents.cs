using System.Text;

namespace NVelopes.TestSupport;

/// <summary>One Server-Sent Event as a client receives it.</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);

/// <summary>
/// Reads a <c>text/event-stream</c> body the way a browser's EventSource does: fields up to a blank line make an event,
/// lines starting with ':' are comments (heartbeats, counted in <see cref="Comments"/>), <c>retry:</c> is noted.
/// </summary>
public sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _lines = new(body, Encoding.UTF8);

    public int Comments { get; private set; }

    public int? Retry { get; private set; }

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null, kind = null;
        var data = new StringBuilder();
        while (await _lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (kind is null && data.Length == 0) continue; // a comment or retry block
                return new ServerSentEvent(id, kind ?? "message", data.ToString());
            }
            if (line[0] == ':')
            {
                Comments++;
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": kind = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
                case "retry": Retry = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        return null;
    }

    /// <summary>The next <paramref name="count"/> events; fails when the stream ends or <paramref name="timeout"/> passes first.</summary>
    public async Task<IReadOnlyList<ServerSentEvent>> ReadAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var events = new List<ServerSentEvent>(count);
        while (events.Count < count)
            events.Add(await ReadAsync(deadline.Token) ?? throw new EndOfStreamException($"The stream ended after {events.Count} of {count} events."));
        return events;
    }

    public void Dispose() => _lines.Dispose();
}
