using System.Text.Json;

namespace NVelopes.Api.Errors;

/// <summary>
/// A JSON value the gateway refuses while reading it (an amount it cannot hold exactly, for example), with a reason
/// written for the client; the JSON reader adds where in the body it was.
/// </summary>
public sealed class JsonValueException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
