using Microsoft.Net.Http.Headers;
using NVelopes.Api.Observability.Dashboard;
using NVelopes.Api.OpenApi;
using NVelopes.Api.WebApp;

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

    /// <summary>
    /// The web app's policy: its own scripts, styles and API calls, and WebAssembly compilation
    /// (<c>'wasm-unsafe-eval'</c>, which the .NET runtime needs and which allows no JavaScript eval); nothing
    /// from another origin, no inline script or style.
    /// </summary>
    public const string AppContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static readonly PathString[] Pages = [OpenApiExtensions.DocsPath, DashboardEndpoints.Route];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var callback = WebAppExtensions.IsAppPath(path) ? AddAppHeaders
            : Array.Exists(Pages, path.StartsWithSegments) ? AddPageHeaders
            : AddApiHeaders;
        context.Response.OnStarting(callback, context.Response);
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

    // The app's files keep the caching their static-asset endpoints set: that is what makes a repeat visit small.
    private static readonly Func<object, Task> AddAppHeaders = state =>
    {
        AddCommonHeaders((HttpResponse)state, AppContentSecurityPolicy);
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
