using Microsoft.Extensions.Logging;

namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>One log entry and the properties of the scopes it was written in (trace id, account id, …).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> ScopeProperties);
