using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NVelopes.Grains.Abstractions.Errors;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace NVelopes.Api.Errors;

/// <summary>
/// Turns what the gateway can explain into problem details: a grain's <see cref="NVelopesException"/> with the
/// status of its <see cref="ErrorKind"/>, an Orleans call that a dying silo could not complete as a 503 with
/// Retry-After, and a request that could not be read as a 400 whose reason <see cref="RequestErrorMessages"/> words.
/// Anything else is a bug: it is logged and answered 500 without details.
/// </summary>
public sealed partial class NVelopesExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<NVelopesExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            NVelopesException refused => Refusal(httpContext, refused),
            _ when IsClusterUnavailable(exception) => ClusterUnavailable(httpContext, exception),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Detail = RequestErrorMessages.Describe(badRequest, httpContext),
            },
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Detail = "An unexpected error occurred; it has been logged.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Refusal(HttpContext httpContext, NVelopesException refused)
    {
        if (refused.Kind == ErrorKind.Unavailable)
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusOf(refused.Kind), Detail = refused.Message };
    }

    /// <summary>
    /// Orleans could not deliver the call or its answer: the silo that held the account died, or the cluster is
    /// re-forming around it. The account comes back on another silo within seconds, so the caller retries; the
    /// command may or may not have been applied, which a retry with the same idempotency key settles.
    /// </summary>
    private static bool IsClusterUnavailable(Exception exception) =>
        exception is OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException or TimeoutException;

    private ProblemDetails ClusterUnavailable(HttpContext httpContext, Exception exception)
    {
        LogClusterUnavailable(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = "The service could not complete the request because part of the cluster is unavailable; it may or may not " +
                "have been applied. Retry shortly.",
        };
    }

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Exception} from the Orleans cluster while serving {Method} {Path}: answered 503")]
    private static partial void LogClusterUnavailable(ILogger logger, string exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
