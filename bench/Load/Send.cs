using System.Net.Http.Headers;

namespace NVelopes.Bench.Load;

/// <summary>One HTTP request of the load, reduced to its status code (0 when no answer came).</summary>
internal static class Send
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public static async Task<int> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await StatusOfAsync(http, request, cancellationToken);
    }

    public static async Task<int> PostAsync(HttpClient http, string path, byte[] json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(json) { Headers = { ContentType = JsonType } },
        };
        return await StatusOfAsync(http, request, cancellationToken);
    }

    public static bool IsAcknowledged(int status) => status is >= 200 and < 300;

    private static async Task<int> StatusOfAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            // The whole body is read, as a client does, so the connection goes back to the pool.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }
}
