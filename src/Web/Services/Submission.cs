namespace NVelopes.Web.Services;

/// <summary>
/// One form's sending state. A submission gets its own <c>Idempotency-Key</c>, which its retries keep; while it
/// runs, further submissions of the form (a double click, Enter pressed twice) are ignored, so nothing posts twice.
/// </summary>
public sealed class Submission
{
    public bool Busy { get; private set; }

    /// <summary>The sentence the last submission ended with, shown next to the form; null when it succeeded.</summary>
    public string? Error { get; private set; }

    public async Task RunAsync(Func<string, Task<string?>> send)
    {
        if (Busy) return;
        Busy = true;
        Error = null;
        try
        {
            Error = await send(Guid.NewGuid().ToString("N"));
        }
        finally
        {
            Busy = false;
        }
    }

    public void Fail(string error) => Error = error;

    public void Clear() => Error = null;
}
