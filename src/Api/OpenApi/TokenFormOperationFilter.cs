using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NVelopes.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// Describes the log-in form as OAuth2 clients send it: one URL-encoded form, every field required, <c>grant_type</c>
/// always <c>password</c>. (The framework would also list multipart, which no OAuth2 client sends.)
/// </summary>
public sealed class TokenFormOperationFilter : IOperationFilter
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != TokenEndpoints.OperationId || operation.RequestBody?.Content is not { } content) return;
        foreach (var other in content.Keys.Where(type => type != FormContentType).ToList()) content.Remove(other);
        if (!content.TryGetValue(FormContentType, out var form) || form.Schema is not OpenApiSchema { Properties: { } fields } schema) return;

        schema.Required = new SortedSet<string>(fields.Keys, StringComparer.Ordinal);
        schema.Description = "The OAuth2 password grant.";
        schema.Examples = [new JsonObject { ["grant_type"] = TokenEndpoints.PasswordGrant, ["username"] = ApiExamples.Username, ["password"] = "correct-horse-battery" }];
        Describe(fields, "grant_type", "Always `password`.", TokenEndpoints.PasswordGrant, s => s.Enum = [JsonValue.Create(TokenEndpoints.PasswordGrant)]);
        Describe(fields, "username", "The username, in any letter case.", ApiExamples.Username);
        Describe(fields, "password", "The password.", "correct-horse-battery");
    }

    private static void Describe(IDictionary<string, IOpenApiSchema> fields, string name, string description, string example, Action<OpenApiSchema>? more = null)
    {
        if (!fields.TryGetValue(name, out var field) || field is not OpenApiSchema schema) return;
        schema.Description = description;
        schema.Examples = [JsonValue.Create(example)];
        more?.Invoke(schema);
    }
}
