using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.OpenApi;

/// <summary>Writes a body type's <see cref="IHasExample{TSelf}"/> example into its schema, serialized exactly as the service answers it.</summary>
public sealed class ExampleSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || ExampleOf(context.Type) is not { } example) return;
        concrete.Examples = [JsonSerializer.SerializeToNode(example, context.Type, json.Value.SerializerOptions)!];
    }

    /// <summary>The example <paramref name="type"/> declares, if it declares one.</summary>
    public static object? ExampleOf(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHasExample<>))
            ? type.GetProperty(nameof(IHasExample<>.Example), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            : null;
}
