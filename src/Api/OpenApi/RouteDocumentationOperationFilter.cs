using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using NVelopes.Api.Preconditions;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// Turns a route's <see cref="RouteDocumentation"/> into its part of the description: exactly the statuses it
/// declares, each with example problem bodies; <c>Retry-After</c>, <c>WWW-Authenticate</c> and <c>ETag</c> where
/// they are sent; <c>Idempotency-Key</c> and <c>If-Match</c> on mutations; and the texts of its parameters.
/// </summary>
public sealed class RouteDocumentationOperationFilter : IOperationFilter
{
    public const string ProblemContentType = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter described && RouteParameters.Describe(described.Name) is { } text)
            {
                described.Description = text.Description;
                if (described.Schema is OpenApiSchema schema) text.Constrain(schema);
            }
        }

        var documentation = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RouteDocumentation>().LastOrDefault();
        if (documentation is null) return;
        operation.Responses ??= [];

        foreach (var status in operation.Responses.Keys.Where(key => key.Length == 3 && key[0] is '4' or '5').ToList())
            operation.Responses.Remove(status);
        foreach (var group in documentation.Problems.GroupBy(problem => problem.Status).OrderBy(group => group.Key))
            operation.Responses[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ProblemResponse(group.Key, [.. group], context);

        // The success answer: 200, or 201 for a creation, or 204 without a body.
        var success = new[] { "200", "201", "204" }.Select(status => operation.Responses.GetValueOrDefault(status)).FirstOrDefault(r => r is not null);
        if (success is OpenApiResponse ok)
        {
            if (documentation.SendsETag)
                AddHeader(ok, HeaderNames.ETag, "The account's version as an entity tag; send it back as `If-Match` to change only this version.", "\"7\"");
            if (documentation.AnswerExample is { } example && ok.Content is { } content)
            {
                foreach (var media in content.Values.OfType<OpenApiMediaType>())
                    media.Example = System.Text.Json.JsonSerializer.SerializeToNode(example);
            }
        }

        if (operation.RequestBody?.Content is { } bodies && bodies.TryGetValue("multipart/form-data", out var form) && form is OpenApiMediaType upload)
        {
            upload.Example = new JsonObject { ["file"] = "Date,Amount,Description\n2026-12-04,-12.34,TESCO STORES 2231\n" };
            // The form's field is `file` (form names match in any case), not the bound property's C# name.
            if (upload.Schema is OpenApiSchema { Properties: { } fields } formSchema && fields.Remove("File", out var field) && field is OpenApiSchema file)
            {
                fields["file"] = file;
                if (upload.Encoding?.Remove("File", out var encoding) == true) upload.Encoding["file"] = encoding;
                file.Description = "The statement file (CSV, OFX/QFX or QIF); its name helps tell the format.";
                formSchema.Required = new SortedSet<string>(StringComparer.Ordinal) { "file" };
            }
        }

        if (!documentation.IsMutation) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RetryHeaders.IdempotencyKey,
            In = ParameterLocation.Header,
            Description = "A key you choose, unique per change, that makes a retry safe: the same key with the same body answers the " +
                "first answer again without applying the change twice (for at least 24 hours); with another body it is a 422.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = RetryHeaders.MaxIdempotencyKeyLength, Pattern = "^[!-~]([ -~]*[!-~])?$",
            },
            Example = JsonValue.Create(ApiExamples.IdempotencyKey),
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = HeaderNames.IfMatch,
            In = ParameterLocation.Header,
            Description = "The `ETag` of the account as you last saw it: the change is refused with 412 if the account has changed since. " +
                "Absent or `*`: no condition.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(\\*|\"[0-9]+\")$" },
            Example = JsonValue.Create("\"7\""),
        });
    }

    private static OpenApiResponse ProblemResponse(int status, IReadOnlyList<RouteProblem> problems, OperationFilterContext context)
    {
        var media = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) };
        if (problems.Count == 1) media.Example = ProblemBody(problems[0]);
        else
        {
            media.Examples = new Dictionary<string, IOpenApiExample>();
            for (var i = 0; i < problems.Count; i++)
                media.Examples[$"case{i + 1}"] = new OpenApiExample { Summary = problems[i].Detail, Value = ProblemBody(problems[i]) };
        }

        var response = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, IOpenApiMediaType> { [ProblemContentType] = media },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            AddHeader(response, HeaderNames.RetryAfter, "Seconds to wait before trying again.", 12, JsonSchemaType.Integer);
        if (status == StatusCodes.Status401Unauthorized)
            AddHeader(response, HeaderNames.WWWAuthenticate, "The scheme to authenticate with.", "Bearer");
        return response;
    }

    /// <summary>A problem body as the service writes it (less its <c>type</c> link): title, status and the reason in <c>detail</c>.</summary>
    public static JsonObject ProblemBody(RouteProblem problem)
    {
        var body = new JsonObject
        {
            ["title"] = ReasonPhrases.GetReasonPhrase(problem.Status),
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
        };
        foreach (var (name, value) in problem.Extensions ?? new Dictionary<string, string>()) body[name] = value;
        return body;
    }

    private static void AddHeader(OpenApiResponse response, string name, string description, JsonNode example, JsonSchemaType type = JsonSchemaType.String)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader
        {
            Description = description,
            Schema = new OpenApiSchema { Type = type },
            Example = example,
        };
    }
}
