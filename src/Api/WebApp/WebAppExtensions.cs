using Microsoft.Extensions.FileProviders;

namespace NVelopes.Api.WebApp;

/// <summary>
/// Serves the NVelopes web app (the Blazor WebAssembly client in <c>src/Web</c>) from the gateway it calls: its
/// files as static assets (fingerprinted, cached for good, precompressed with Brotli and gzip where the build made
/// them), and its page for <c>/</c> and every client route under <c>/app</c>. Nothing else falls back to the page,
/// so an unknown API route is still a 404 with problem details.
/// </summary>
public static class WebAppExtensions
{
    /// <summary>Where the app's own routes live (sign-up, an account, its history, its report).</summary>
    public const string ClientRoutes = "/app";

    public const string Page = "index.html";

    /// <summary>The paths whose answers are the app's: its page, its client routes and its files.</summary>
    public static bool IsAppPath(PathString path) =>
        path == "/" || path == "/" + Page || path == "/favicon.svg"
        || path.StartsWithSegments(ClientRoutes) || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/css")
        || path.StartsWithSegments("/js");

    public static WebApplication MapNVelopesWebApp(this WebApplication app)
    {
        // The gateway's own manifest, named after this assembly, not after whichever host runs it (the bench
        // hosts the gateway in its own process). A host built without the app's files serves the API alone.
        var manifest = Path.Combine(AppContext.BaseDirectory, typeof(WebAppExtensions).Assembly.GetName().Name + ".staticwebassets.endpoints.json");
        if (!File.Exists(manifest)) return app;
        // In Development MapStaticAssets also maps a catch-all GET that serves any file of the web root; it would
        // answer every GET the API does not (a 404 where the method is wrong), so the app's files come from the
        // manifest alone.
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        app.MapStaticAssets(manifest);
        // The page comes from the web root: the published wwwroot, or in Development the web project's files. A
        // build started elsewhere has none, and a fallback to it would only warn at every start and answer 404.
        if (app.Environment.WebRootFileProvider is NullFileProvider) return app;
        app.MapFallbackToFile("/", Page).AllowAnonymous();
        app.MapFallbackToFile(ClientRoutes + "/{**route}", Page).AllowAnonymous();
        return app;
    }
}
