using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace NVelopes.Api.Security;

/// <summary>The answer of every rate limit: 429 problem details and <c>Retry-After</c> in whole seconds.</summary>
internal static class TooManyRequests
{
    /// <summary>Writes the refusal; <paramref name="detail"/> gets the seconds to wait.</summary>
    public static async ValueTask WriteAsync(HttpContext context, TimeSpan retryAfter, Func<int, string> detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = detail(seconds) },
        });
    }
}
