namespace NVelopes.Bench.Hosting;

internal static class BenchLogging
{
    /// <summary>
    /// Warnings and errors only, all of them on stderr: stdout carries nothing but RESULT lines, and a console
    /// logger at Information would cost the systems under test time that the baseline does not pay either.
    /// </summary>
    public static ILoggingBuilder AddBenchLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(options => options.SingleLine = true);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        return logging;
    }
}
