using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Preconditions;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// What keeps requests from doing harm: body and JSON limits (<c>RequestLimits</c>), rate limits of the anonymous
    /// routes (<c>RateLimiting</c>), and CORS only for the origins in <c>Cors:AllowedOrigins</c>.
    /// </summary>
    public static IServiceCollection AddNVelopesSecurity(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<JsonOptions>().Configure<IOptions<RequestLimitsOptions>>((json, limits) =>
            json.SerializerOptions.MaxDepth = limits.Value.MaxJsonDepth);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });

        services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.SectionName);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
        {
            if (settings.Value.AllowedOrigins.Length == 0) return;
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(settings.Value.AllowedOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.IfMatch, RetryHeaders.IdempotencyKey)
                .WithExposedHeaders(HeaderNames.ETag, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate));
        });

        services.AddNVelopesRateLimiting();
        return services;
    }

    /// <summary>
    /// Security headers on every answer, CORS when origins are configured, the body's encodings, the body limit, and
    /// the rate limits, in that order: before authentication and the endpoints, after the exception handler and
    /// status-code pages.
    /// </summary>
    public static WebApplication UseNVelopesSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Services.GetRequiredService<IOptions<CorsSettings>>().Value.AllowedOrigins.Length > 0) app.UseCors();
        app.UseMiddleware<RequestEncodingMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseNVelopesRateLimiting();
        return app;
    }
}
