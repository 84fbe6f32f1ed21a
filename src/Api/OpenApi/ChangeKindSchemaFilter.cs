using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NVelopes.Api.Accounts;
using NVelopes.Grains.Abstractions.Accounts;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>Lists the event kinds a change's <c>kind</c> can be, so clients can switch over them exhaustively.</summary>
public sealed class ChangeKindSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ChangeResponse) || schema is not OpenApiSchema concrete) return;
        if (concrete.Properties?.TryGetValue("kind", out var kind) != true || kind is not OpenApiSchema kindSchema) return;
        kindSchema.Enum = [.. ChangeKinds.All.Select(k => (JsonNode)JsonValue.Create(k))];
    }
}
