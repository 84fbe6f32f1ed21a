using System.Text.Json;
using Microsoft.JSInterop;

namespace NVelopes.Web.Tests.Infrastructure;

/// <summary>The browser's <c>localStorage</c> calls the app makes, answered from a dictionary.</summary>
public sealed class MemoryJsRuntime : IJSRuntime
{
    public Dictionary<string, string> Storage { get; } = [];

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        var key = (string)args![0]!;
        object? result = null;
        switch (identifier)
        {
            case "localStorage.getItem":
                result = Storage.GetValueOrDefault(key);
                break;
            case "localStorage.setItem":
                Storage[key] = (string)args[1]!;
                break;
            case "localStorage.removeItem":
                Storage.Remove(key);
                break;
            default:
                throw new InvalidOperationException($"The app called {identifier}, which the tests do not know.");
        }
        // IJSVoidResult and string answers both come back through JSON, as in the browser.
        return ValueTask.FromResult(result is null ? default! : JsonSerializer.Deserialize<TValue>(JsonSerializer.Serialize(result))!);
    }
}
