using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// Describes a body record from its own declaration: a property is required when its constructor parameter has no
/// default (what the service's reader enforces; a nullable one may then be null), a default is stated, and the texts come from
/// <see cref="DescriptionAttribute"/> on the type and its properties (the XML comments speak of the code, not the wire).
/// </summary>
public sealed class BodySchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } concrete) return;
        var type = context.Type;
        if (type.GetCustomAttribute<DescriptionAttribute>() is { } typeText) concrete.Description = typeText.Description;

        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length);
        var parameters = constructor?.GetParameters().ToDictionary(p => p.Name!, StringComparer.Ordinal) ?? [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!properties.TryGetValue(WireName(property), out var propertySchema)) continue;
            var wireName = WireName(property);
            if (propertySchema is OpenApiSchema described && property.GetCustomAttribute<DescriptionAttribute>() is { } text)
                described.Description = text.Description;
            if (!parameters.TryGetValue(property.Name, out var parameter)) continue;
            if (parameter.HasDefaultValue)
            {
                if (parameter.DefaultValue is not null && propertySchema is OpenApiSchema defaulted)
                    defaulted.Default = JsonSerializer.SerializeToNode(parameter.DefaultValue, parameter.ParameterType, json.Value.SerializerOptions);
            }
            else
            {
                concrete.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                concrete.Required.Add(wireName);
            }
        }
    }

    private string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? json.Value.SerializerOptions.PropertyNamingPolicy?.ConvertName(property.Name)
        ?? property.Name;
}
