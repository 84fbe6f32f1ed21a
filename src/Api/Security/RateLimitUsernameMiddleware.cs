using System.Text.Json;
using Microsoft.Extensions.Options;
using NVelopes.Api.Users;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Security;

/// <summary>
/// For the endpoints marked <see cref="RateLimitedEndpoint"/>, finds the username the request names (the form of
/// <c>/token</c>, the JSON body of a sign-up, the route of a lookup) and leaves it in a
/// <see cref="RateLimitedUsername"/> feature for the rate limiter. The body stays readable for the handler; a body
/// that cannot be read names no username and is left for the handler to refuse.
/// </summary>
public sealed class RateLimitUsernameMiddleware(RequestDelegate next, IOptions<JsonOptions> jsonOptions)
{
    /// <summary>Usernames are at most <see cref="UsernameRule.MaxLength"/> characters; a longer claim is counted under its first 64.</summary>
    private const int MaxKeyLength = 64;

    /// <summary>The name of the username field in the token form, and of the lookup's route value.</summary>
    private const string UsernameField = "username";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is { } limited)
        {
            var username = await UsernameOfAsync(context, limited.Operation);
            context.Features.Set(new RateLimitedUsername(string.IsNullOrWhiteSpace(username) ? null : KeyOf(username)));
        }
        await next(context);
    }

    private async Task<string?> UsernameOfAsync(HttpContext context, RateLimitedOperation operation) => operation switch
    {
        RateLimitedOperation.LogIn => await FromFormAsync(context.Request),
        RateLimitedOperation.SignUp => await FromJsonAsync(context.Request),
        RateLimitedOperation.UsernameLookup => context.Request.RouteValues[UsernameField] as string,
        _ => null,
    };

    private static async Task<string?> FromFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form[UsernameField];
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The username the sign-up handler will get: the body read as its <see cref="SignupRequest"/> with the same JSON
    /// options, so a key in any case (<c>"USERNAME"</c>) and a repeated key count as the binder reads them.
    /// </summary>
    private async Task<string?> FromJsonAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType()) return null;
        request.EnableBuffering();
        try
        {
            var signup = await JsonSerializer.DeserializeAsync<SignupRequest>(
                request.Body, jsonOptions.Value.SerializerOptions, request.HttpContext.RequestAborted);
            return signup?.Username;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string KeyOf(string username)
    {
        var key = UsernameKey.Normalize(username);
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }
}
