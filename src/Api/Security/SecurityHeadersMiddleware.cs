using Microsoft.Net.Http.Headers;
using NVelopes.Api.Observability.Dashboard;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Security;

/// <summary>
/// The headers every answer carries: no MIME sniffing, no framing, no referrer, and a content security policy that
/// allows nothing, since the API only answers JSON. The two browser pages, Swagger UI at <c>/docs</c> and the Orleans
/// Dashboard at <c>/dashboard</c>, get a policy that lets them load their own scripts, styles, images and fonts and
/// call the service, and nothing from elsewhere; every other answer is also marked <c>Cache-Control: no-store</c>, so
/// no cache keeps an account or a token.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PageContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly PathString[] Pages = [OpenApiExtensions.DocsPath, DashboardEndpoints.Route];

    public Task InvokeAsync(HttpContext context)
    {
        var page = Array.Exists(Pages, context.Request.Path.StartsWithSegments);
        context.Response.OnStarting(page ? AddPageHeaders : AddApiHeaders, context.Response);
        return next(context);
    }

    // Static callbacks with the response as their state: no closure to allocate for every request.
    private static readonly Func<object, Task> AddApiHeaders = state =>
    {
        var headers = AddCommonHeaders((HttpResponse)state, ApiContentSecurityPolicy);
        headers.CacheControl = "no-store";
        headers.Remove(HeaderNames.Pragma);
        headers.Remove(HeaderNames.Expires);
        return Task.CompletedTask;
    };

    private static readonly Func<object, Task> AddPageHeaders = state =>
    {
        AddCommonHeaders((HttpResponse)state, PageContentSecurityPolicy);
        return Task.CompletedTask;
    };

    private static IHeaderDictionary AddCommonHeaders(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        return headers;
    }
}
