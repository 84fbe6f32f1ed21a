namespace NVelopes.Api.OpenApi;

/// <summary>
/// A request or answer body that shows itself in the OpenAPI description with realistic values: Swagger UI fills
/// "Try it out" with it and shows it as the answer. <see cref="ExampleSchemaFilter"/> writes it as the wire has it.
/// </summary>
public interface IHasExample<TSelf> where TSelf : IHasExample<TSelf>
{
    static abstract TSelf Example { get; }
}
