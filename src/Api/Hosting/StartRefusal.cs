using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace NVelopes.Api.Hosting;

public static partial class StartRefusal
{
    public const int RefusedExitCode = 1;

    /// <summary>
    /// Runs the service; a start its settings refuse (no signing key outside Development, no dashboard password) is
    /// one log line naming what to set and exit code 1, not an unhandled exception's trace. The settings are checked
    /// here, before the host starts, because the host logs a failed start with the exception's trace.
    /// </summary>
    public static int RunOrRefuse(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception refused) when (ReasonsOf(refused) is { Count: > 0 } reasons)
        {
            // Hosted inside another program (a test's WebApplicationFactory, the bench), the refusal is that program's
            // exception to see, as a start would throw it; only the service's own process answers with an exit code.
            if (System.Reflection.Assembly.GetEntryAssembly() != typeof(StartRefusal).Assembly) throw;
            LogRefused(app.Logger, string.Join(" ", reasons));
            // The console logger writes from a queue: disposing it writes the line out before the process ends.
            foreach (var console in app.Services.GetServices<ILoggerProvider>().OfType<ConsoleLoggerProvider>()) console.Dispose();
            return RefusedExitCode;
        }
        app.Run();
        return 0;
    }

    private static List<string> ReasonsOf(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            [.. all.InnerExceptions.SelectMany(inner => ((OptionsValidationException)inner).Failures)],
        _ => [],
    };

    [LoggerMessage(Level = LogLevel.Critical, Message = "NVelopes did not start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
