namespace NVelopes.Web.Services;

/// <summary>What one call of the API came to: its value, or the sentence that says why not.</summary>
public sealed record ApiAnswer<T>(T? Value, string? Error, int Status)
{
    public bool Ok => Error is null;
}
