using System.Globalization;
using NVelopes.Api.Errors;

namespace NVelopes.Api.Security;

/// <summary>The answer of every rate limit: 429 problem details and <c>Retry-After</c> in whole seconds.</summary>
internal static class TooManyRequests
{
    /// <summary>Writes the refusal; <paramref name="detail"/> gets the seconds to wait.</summary>
    public static ValueTask WriteAsync(HttpContext context, TimeSpan retryAfter, Func<int, string> detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, detail(seconds));
    }
}
