using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Errors;

namespace NVelopes.Api.Security;

/// <summary>
/// Refuses a request body sent in an encoding the service does not read, before anything reads it: a transfer coding
/// other than chunked once (400), a content coding such as gzip (415: bodies are read as sent, never decompressed), or
/// a charset other than UTF-8 (415: JSON and forms are read as UTF-8 only). A charset that means UTF-8 however it is
/// spelled (any case, quoted, <c>utf8</c>) is rewritten as <c>charset=utf-8</c>: the framework's body readers look
/// the raw value up as an encoding name, and threw on any other spelling, as on an unknown name, which was a 500.
/// </summary>
public sealed class RequestEncodingMiddleware(RequestDelegate next)
{
    private const string Utf8 = "utf-8";

    /// <summary>How much of a client's header value is quoted back in a refusal.</summary>
    private const int QuotedValueLength = 40;

    public Task InvokeAsync(HttpContext context)
    {
        if (!(context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true)) return next(context);
        var headers = context.Request.Headers;
        if (TransferCodingRefusal(headers) is { } framing) return context.WriteProblemAsync(StatusCodes.Status400BadRequest, framing).AsTask();
        if ((ContentCodingRefusal(headers) ?? CharsetRefusal(context.Request)) is { } encoding)
            return context.WriteProblemAsync(StatusCodes.Status415UnsupportedMediaType, encoding).AsTask();
        return next(context);
    }

    /// <summary>
    /// Kestrel refuses a final coding other than chunked itself, but passes on the codings before it ("gzip, chunked")
    /// and chunked applied twice, leaving the body still coded or ambiguous.
    /// </summary>
    private static string? TransferCodingRefusal(IHeaderDictionary headers)
    {
        var codings = headers.TransferEncoding;
        if (codings.Count == 0 || codings is [var only] && only.AsSpan().Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase)) return null;
        return $"Transfer-Encoding '{Quote(codings.ToString())}' is not supported: send the body with a Content-Length, or chunked and nothing else.";
    }

    private static string? ContentCodingRefusal(IHeaderDictionary headers)
    {
        foreach (var coding in headers.ContentEncoding.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                return $"Content-Encoding '{Quote(coding)}' is not supported: send the body uncompressed.";
        }
        return null;
    }

    /// <summary>Why the body's charset is refused; null when it is UTF-8, whose other spellings become <c>charset=utf-8</c>.</summary>
    private static string? CharsetRefusal(HttpRequest request)
    {
        var contentType = request.ContentType;
        // A content type that does not parse is the endpoint's to refuse, as one it does not take.
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)) return null;
        var charsets = mediaType.Parameters.Where(parameter => parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        if (charsets.Find(charset => !MeansUtf8(charset.GetUnescapedValue())) is { } other)
            return $"The request body must be UTF-8: charset '{Quote(other.Value.ToString())}' is not supported.";
        if (charsets is [] || charsets is [var only] && only.Value.Equals(Utf8, StringComparison.OrdinalIgnoreCase)) return null;

        foreach (var charset in charsets) mediaType.Parameters.Remove(charset);
        mediaType.Charset = Utf8;
        request.ContentType = mediaType.ToString();
        return null;
    }

    private static bool MeansUtf8(StringSegment charset) =>
        charset.Equals(Utf8, StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static string Quote(string value) => value.Length <= QuotedValueLength ? value : value[..QuotedValueLength] + "…";
}
