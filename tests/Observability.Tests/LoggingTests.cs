using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NVelopes.Observability.Tests.Infrastructure;

namespace NVelopes.Observability.Tests;

/// <summary>Structured logs: JSON lines outside Development, with the trace id and the account id in their scopes.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class LoggingTests
{
    [Fact]
    public async Task AccountGrainLogs_CarryTheRequestsTraceIdAndTheAccountId()
    {
        await using var factory = new ObservedApiFactory(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:NVelopes.Grains.Accounts"] = "Debug",
        });
        var client = await ApiClient.SignUpAsync(factory);
        var accountId = await client.OpenAccountAsync();
        var traceId = ActivityTraceId.CreateRandom();

        await client.DepositAsync(accountId, 1m, Spans.TraceParent(traceId));

        var committed = factory.Logs.Entries.Where(entry =>
            entry.Category.EndsWith("AccountGrain", StringComparison.Ordinal)
            && entry.ScopeProperties.GetValueOrDefault("TraceId")?.ToString() == traceId.ToString()).ToList();
        Assert.NotEmpty(committed);
        Assert.All(committed, entry => Assert.Equal(accountId, entry.ScopeProperties["AccountId"]));
    }

    [Theory]
    [InlineData("Production", ConsoleFormatterNames.Json)]
    [InlineData("Development", ConsoleFormatterNames.Simple)]
    public async Task ConsoleLogs_AreJsonOutsideDevelopment_WithScopes(string environment, string formatter)
    {
        await using var factory = new ObservedApiFactory(environment);

        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        var simple = factory.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(formatter, console.FormatterName);
        Assert.True(formatter == ConsoleFormatterNames.Json ? json.IncludeScopes : simple.IncludeScopes);
    }

    [Fact]
    public async Task PollyAttemptLogs_AreKeptToWarnings()
    {
        await using var factory = new ObservedApiFactory("Production");

        var polly = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly");

        Assert.False(polly.IsEnabled(LogLevel.Information));
        Assert.True(polly.IsEnabled(LogLevel.Warning));
    }
}
