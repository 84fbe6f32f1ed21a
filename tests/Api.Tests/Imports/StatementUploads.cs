using System.Net.Http.Headers;
using System.Text;

namespace NVelopes.Api.Tests.Imports;

/// <summary>Statement files sent as a browser sends them: multipart/form-data with the file in the field <c>file</c>.</summary>
public static class StatementUploads
{
    public static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Statements", name));

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string accountId, string fileName, byte[] content, string query = "") =>
        client.ImportAsync(accountId, fileName, content, query, idempotencyKey: null, ifMatch: null);

    /// <summary>An import with an <c>Idempotency-Key</c> and an <c>If-Match</c> where given.</summary>
    public static Task<HttpResponseMessage> ImportAsync(
        this HttpClient client, string accountId, string fileName, byte[] content, string query, string? idempotencyKey, string? ifMatch)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/accounts/{accountId}/import{(query.Length > 0 ? "?" + query : "")}")
        {
            Content = new MultipartFormDataContent { { file, "file", fileName } },
        };
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string accountId, string fileName, string query = "") =>
        client.ImportAsync(accountId, fileName, File(fileName), query);

    public static Task<HttpResponseMessage> ImportTextAsync(this HttpClient client, string accountId, string fileName, string text, string query = "") =>
        client.ImportAsync(accountId, fileName, Encoding.UTF8.GetBytes(text), query);
}
