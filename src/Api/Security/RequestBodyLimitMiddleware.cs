using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using NVelopes.Api.Errors;

namespace NVelopes.Api.Security;

/// <summary>
/// Refuses request bodies over <see cref="RequestLimitsOptions.MaxBodyBytes"/> (or the route's own limit, its
/// <see cref="IRequestSizeLimitMetadata"/>, which routing also gives Kestrel) with 413 problem details before any
/// handler reads them: by their declared length, or, for a body sent without one (chunked), by reading at most one
/// byte more than the limit into memory and handing the handler that copy; a body that cannot be read as framed is a
/// 400 (<see cref="UnreadableBodyException"/>).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxBodyBytes;
        var request = context.Request;
        if (request.ContentLength is { } length) return length > limit ? RejectAsync(context, limit) : next(context);
        return context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true
            ? CopyThenInvokeAsync(context, limit)
            : next(context);
    }

    private async Task CopyThenInvokeAsync(HttpContext context, long limit)
    {
        var copy = await ReadAtMostAsync(context.Request.Body, limit + 1, context.RequestAborted);
        if (copy is null || copy.Length > limit)
        {
            await RejectAsync(context, limit);
            return;
        }
        context.Response.RegisterForDispose(copy);
        context.Request.Body = copy;
        await next(context);
    }

    /// <summary>Up to <paramref name="most"/> bytes of the body; null when the server's own limit stopped the read first.</summary>
    private static async Task<MemoryStream?> ReadAtMostAsync(Stream body, long most, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while (copy.Length < most && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, most - copy.Length)), cancellationToken)) > 0)
                copy.Write(buffer, 0, read);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await copy.DisposeAsync();
            return null;
        }
        // This is the first read of the body, so these come from Kestrel's parsing of what the client sent.
        catch (Exception unreadable) when (unreadable is IOException or InvalidOperationException)
        {
            await copy.DisposeAsync();
            throw new UnreadableBodyException(unreadable);
        }
        copy.Position = 0;
        return copy;
    }

    private static Task RejectAsync(HttpContext context, long limit) =>
        context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {limit} bytes.").AsTask();
}
