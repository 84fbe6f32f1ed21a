using System.Diagnostics;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Errors;

/// <summary>
/// Writes problem details for the requests the framework's writer turns down because their Accept header names
/// neither JSON nor problem+json (<c>text/html</c>, <c>application/xml</c>, garbage). Registered after that writer,
/// it sees only those. Without it such a request got an error without its reason, a plain-text status page, or, where
/// a middleware must write problem details, a 500; RFC 9110 lets a server disregard Accept rather than answer 406.
/// </summary>
public sealed class AnyAcceptProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";
    private const string TraceIdName = "traceId";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        context.ProblemDetails.Status ??= response.StatusCode;
        // Creating a problem result fills in the type and title of the status on the problem it is given; with the
        // trace id, named as the wire names properties, that is what the framework's writer adds before it writes.
        _ = TypedResults.Problem(context.ProblemDetails);
        context.ProblemDetails.Extensions.TryAdd(
            json.Value.SerializerOptions.PropertyNamingPolicy?.ConvertName(TraceIdName) ?? TraceIdName,
            Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(context.ProblemDetails, options: null, ContentType));
    }
}
