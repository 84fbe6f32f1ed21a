using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Components.WebAssembly.Http;
using NVelopes.Web.Contracts;

namespace NVelopes.Web.Services;

/// <summary>
/// Follows an account's event stream (<c>GET /accounts/{id}/events</c>, Server-Sent Events) through a streaming
/// fetch, which can send the bearer token as a header. It remembers the version of the last event it handed on and
/// resumes from it with <c>?since=</c> after a dropped connection, so no event is lost or seen twice.
/// </summary>
public sealed class AccountFeed(ApiClient api)
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>Whether the stream is open now: the page says "Live" or "Reconnecting…".</summary>
    public bool Connected { get; private set; }

    public async Task FollowAsync(
        string accountId, long since, Func<Change, Task> onChange, Action onStateChanged, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var request = await api.SignedRequestAsync(HttpMethod.Get, $"accounts/{Uri.EscapeDataString(accountId)}/events?since={since}");
                request.SetBrowserResponseStreamingEnabled(true);
                using var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized) return;
                response.EnsureSuccessStatusCode();
                SetConnected(true, onStateChanged);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var reader = new StreamReader(stream);
                string? data = null;
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("data:", StringComparison.Ordinal)) data = line[5..].TrimStart();
                    else if (line.Length == 0 && data is not null)
                    {
                        var change = JsonSerializer.Deserialize(data, ApiClient.Json.Change);
                        data = null;
                        if (change is null || change.Version <= since) continue;
                        since = change.Version;
                        await onChange(change);
                        if (change.Kind == "account_closed") return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or OperationCanceledException)
            {
                // dropped: resume from the last version after a pause
            }
            SetConnected(false, onStateChanged);
            try
            {
                await Task.Delay(ReconnectDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void SetConnected(bool connected, Action onStateChanged)
    {
        if (Connected == connected) return;
        Connected = connected;
        onStateChanged();
    }
}
