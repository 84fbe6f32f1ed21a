using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Auth;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Accounts;

/// <summary>
/// <c>GET /accounts/{id}/events</c>: an account's log as Server-Sent Events, from a version on and then live. Each
/// SSE event has the event's version as <c>id</c>, its kind as <c>event</c> and the change's JSON as <c>data</c>, so
/// a browser's <c>EventSource</c> resumes by itself with <c>Last-Event-ID</c>. The stream reads durable events from
/// the account's grain and then waits at the grain for the next durable one, wherever in the cluster it was written:
/// a resumed stream has no gap and no duplicate. A comment line every <see cref="HeartbeatInterval"/> keeps proxies
/// from closing an idle stream; a client that does not take what is sent within <see cref="SlowClientTimeout"/> is
/// disconnected, and resumes from its last id when it comes back.
/// </summary>
public static class EventStream
{
    public const string ContentType = "text/event-stream";
    public const string LastEventIdHeader = "Last-Event-ID";
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan SlowClientTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How many events one read takes from the grain; a client catching up gets them in batches.</summary>
    private const int Batch = 200;

    /// <summary>How long EventSource waits before reconnecting after the stream ends.</summary>
    private const int RetryMilliseconds = 2000;

    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    /// <param name="context">The request, whose response is the stream.</param>
    /// <param name="id">The account.</param>
    /// <param name="since">Send the events after this version (default: the Last-Event-ID, else 0: all of them).</param>
    /// <param name="lastEventId">The id of the last event a reconnecting EventSource received.</param>
    /// <param name="ticket">A feed ticket, where no Authorization header can be sent; the FeedTicket scheme reads it.</param>
    /// <param name="services">The caller and the grains.</param>
    public static async Task Stream(
        HttpContext context, string id, long? since, [FromHeader(Name = LastEventIdHeader)] string? lastEventId,
        [FromQuery(Name = FeedTickets.QueryParameter)] string? ticket, [AsParameters] AccountServices services)
    {
        if (!FeedTickets.Opens(context.User, id)) throw new NVelopesException(ErrorKind.NotFound, "No account has this id.");
        var after = since ?? VersionOf(lastEventId) ?? 0;
        if (after < 0) throw new NVelopesException(ErrorKind.Invalid, "since must be 0 or more.");

        // The first read checks the account and the caller before the stream starts, so a refusal is still a problem answer.
        var account = services.Account(id);
        var page = await account.ReadChangesAsync(new ReadChanges(services.User.Id, after, Batch), services.Aborted);

        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass events on at once
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var output = response.BodyWriter;
        Encoding.UTF8.GetBytes($"retry: {RetryMilliseconds}\n\n", output);

        try
        {
            while (true)
            {
                var closed = false;
                foreach (var change in page.Changes)
                {
                    Write(output, change.ToResponse(), json);
                    after = change.Version;
                    closed |= change.Kind == ChangeKinds.AccountClosed;
                }
                if (page.Changes.IsEmpty) output.Write(Heartbeat);
                if (!await FlushAsync(context) || closed) return;

                page = page.More
                    ? await account.ReadChangesAsync(new ReadChanges(services.User.Id, after, Batch), services.Aborted)
                    : await account.WatchChangesAsync(new WatchChanges(services.User.Id, after, Batch, HeartbeatInterval), services.Aborted);
            }
        }
        catch (OperationCanceledException) when (services.Aborted.IsCancellationRequested)
        {
            // The client went away; there is nobody left to answer.
        }
        catch (Exception ended) when (ended is NVelopesException or TimeoutException or Orleans.Runtime.OrleansException)
        {
            // The account closed, or its store or silo is out of reach, after the stream started: end it; the client
            // resumes from its last id and gets the answer as a problem then.
        }
    }

    private static long? VersionOf(string? lastEventId) =>
        lastEventId is null ? null
        : long.TryParse(lastEventId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version
        : throw new NVelopesException(ErrorKind.Invalid, $"{LastEventIdHeader} must be the id of the last event received: a version, a whole number.");

    private static void Write(IBufferWriter<byte> output, ChangeResponse change, JsonSerializerOptions json)
    {
        Encoding.UTF8.GetBytes($"id: {change.Version}\nevent: {change.Kind}\ndata: ", output);
        // Compact JSON has no line breaks, so the change is one data line.
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = json.Encoder, SkipValidation = true }))
            JsonSerializer.Serialize(writer, change, json);
        output.Write("\n\n"u8);
    }

    /// <summary>Sends what is written; false (and the connection aborted) when the client does not take it in time.</summary>
    private static async Task<bool> FlushAsync(HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(SlowClientTimeout);
        try
        {
            var flushed = await context.Response.BodyWriter.FlushAsync(timeout.Token);
            return !flushed.IsCanceled && !flushed.IsCompleted;
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
            return false;
        }
    }
}
