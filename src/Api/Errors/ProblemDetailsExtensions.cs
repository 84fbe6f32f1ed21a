using Microsoft.AspNetCore.Routing;

namespace NVelopes.Api.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error answers RFC 7807 problem details with its reason in <c>detail</c>: refusals from the grains
    /// and malformed requests through <see cref="NVelopesExceptionHandler"/>, bare status codes through the
    /// status-code pages, and validation failures with their messages summed up in <c>detail</c>.
    /// </summary>
    public static IServiceCollection AddNVelopesProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= problem switch
            {
                HttpValidationProblemDetails validation => string.Join(" ", validation.Errors.SelectMany(error => error.Value)),
                { Status: StatusCodes.Status401Unauthorized } => "A valid bearer token is required: log in at /token.",
                { Status: StatusCodes.Status404NotFound } => "No such resource.",
                { Status: StatusCodes.Status405MethodNotAllowed } => "This route does not accept that method.",
                _ => null,
            };
        });
        services.AddExceptionHandler<NVelopesExceptionHandler>();
        // Binding failures throw, so that the handler above answers them with problem details in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
