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

    private static readonly PathString[] Pages = ["/" + OpenApiExtensions.DocsRoute, DashboardEndpoints.Route];

    public Task InvokeAsync(HttpContext context)
    {
        var page = Array.Exists(Pages, context.Request.Path.StartsWithSegments);
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = page ? PageContentSecurityPolicy : ApiContentSecurityPolicy;
            if (!page)
            {
                headers.CacheControl = "no-store";
                headers.Remove(HeaderNames.Pragma);
                headers.Remove(HeaderNames.Expires);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
