using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Api.Errors;
using Orleans.Runtime;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// What a caller of the API sees while a silo dies: the Orleans errors of that moment become 503 problem details
/// with Retry-After, never a 500.
/// </summary>
public sealed class ClusterUnavailableProblemTests
{
    public static TheoryData<Exception> ClusterErrors() =>
    [
        new SiloUnavailableException("The target silo became unavailable."),
        new TimeoutException("Response did not arrive on time."),
    ];

    [Theory]
    [MemberData(nameof(ClusterErrors))]
    public async Task OrleansTransportError_Answers503WithRetryAfter(Exception error)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/accounts/deposit";
        context.Response.Body = new MemoryStream();
        var handler = new NVelopesExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(), NullLogger<NVelopesExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, error, CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal(NVelopesExceptionHandler.RetryAfterSeconds.ToString(), context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("Retry", problem.GetProperty("detail").GetString());
    }
}
