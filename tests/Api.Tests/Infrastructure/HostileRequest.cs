using System.Net.Http.Headers;
using System.Text;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>One generated hostile request, kept as data so it can be sent and described in a failure message.</summary>
public sealed record HostileRequest(
    string Method, string Path, byte[]? Body, string? ContentType, string? Authorization, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var type)) message.Content.Headers.ContentType = type;
        }
        if (Authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)) + (Body.Length > 300 ? $"… ({Body.Length} bytes)" : "");
        var path = Path.Length > 200 ? Path[..200] + "…" : Path;
        return $"{Method} {path} [{ContentType ?? "no content type"}; auth {(Authorization is null ? "none" : Authorization[..Math.Min(20, Authorization.Length)])}; " +
            $"{string.Join(", ", Headers.Select(h => h.Key))}] {body}";
    }
}
