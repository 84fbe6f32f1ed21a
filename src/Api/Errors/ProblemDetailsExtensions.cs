using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using NVelopes.Api.Auth;

namespace NVelopes.Api.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error answers RFC 7807 problem details with its reason in <c>detail</c>: refusals from the grains
    /// and malformed requests through <see cref="NVelopesExceptionHandler"/> (their reasons told in the wire's terms,
    /// never in .NET types), bare status codes through the status-code pages, and validation failures with their
    /// messages summed up in <c>detail</c> and their <c>errors</c> keyed by the snake_case names of the wire;
    /// whatever the request's Accept header says (<see cref="AnyAcceptProblemDetailsWriter"/>).
    /// </summary>
    /// <summary>The reason of a 415 for a content type the route does not accept.</summary>
    public const string UnsupportedContentType = "This route does not accept that content type: send JSON (application/json), " +
        "a form to /token, or a statement to /accounts/{id}/import as multipart/form-data with the file in the field 'file'.";

    public static IServiceCollection AddNVelopesProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem is HttpValidationProblemDetails invalid) invalid.Errors = SnakeCaseKeys(invalid.Errors);
            problem.Detail ??= problem switch
            {
                HttpValidationProblemDetails validation => string.Join(" ", validation.Errors.SelectMany(error => error.Value)),
                // The framework answers a body it failed to read with a bare 400, taking the failure for a client gone.
                { Status: StatusCodes.Status400BadRequest } => "The request could not be read.",
                { Status: StatusCodes.Status401Unauthorized } =>
                    context.HttpContext.Features.Get<UnusableToken>()?.Reason ?? "A valid bearer token is required: log in at /token.",
                { Status: StatusCodes.Status404NotFound } => "No such resource.",
                { Status: StatusCodes.Status405MethodNotAllowed } => "This route does not accept that method.",
                { Status: StatusCodes.Status413PayloadTooLarge } => "The request body is too large.",
                // Routing refuses a content type a route does not accept before any endpoint runs, so the route is not known here.
                { Status: StatusCodes.Status415UnsupportedMediaType } => UnsupportedContentType,
                _ => null,
            };
        });
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>();
        services.AddExceptionHandler<NVelopesExceptionHandler>();
        // Binding failures throw, so that the handler above answers them with problem details in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Validation keys as the client wrote them: <c>Payments[0].EnvelopeId</c> becomes <c>payments[0].envelope_id</c>.</summary>
    private static Dictionary<string, string[]> SnakeCaseKeys(IDictionary<string, string[]> errors) =>
        errors
            .GroupBy(error => string.Join('.', error.Key.Split('.').Select(SnakeCaseSegment)), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.SelectMany(error => error.Value).ToArray(), StringComparer.Ordinal);

    private static string SnakeCaseSegment(string segment)
    {
        var index = segment.IndexOf('[', StringComparison.Ordinal);
        return index < 0
            ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment)
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(segment[..index]) + segment[index..];
    }
}
