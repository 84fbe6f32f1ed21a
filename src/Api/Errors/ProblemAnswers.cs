using Microsoft.AspNetCore.Mvc;

namespace NVelopes.Api.Errors;

public static class ProblemAnswers
{
    /// <summary>Answers <paramref name="status"/> as problem details with <paramref name="detail"/> as the reason, for a middleware that refuses a request.</summary>
    public static ValueTask WriteProblemAsync(this HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
