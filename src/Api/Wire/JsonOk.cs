namespace NVelopes.Api.Wire;

/// <summary>Makes <see cref="JsonOk{TValue}"/> answers, so handlers read like <c>TypedResults.Ok(value)</c>.</summary>
public static class JsonOk
{
    public static JsonOk<TValue> Of<TValue>(TValue value) => new(value);
}
