using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI description teaches the API: every route states what it answers with examples, every body is
/// required-marked and exemplified, no code names leak, and the committed description (the generated client's
/// source) is the one the service serves.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDescriptionTests(ApiFixture fixture)
{
    /// <summary>Set to regenerate <c>docs/openapi.json</c> from the service (scripts/generate-client.sh does).</summary>
    public const string UpdateVariable = "NVELOPES_UPDATE_OPENAPI";

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task CommittedDescription_IsTheOneTheServiceServes()
    {
        var served = await ServedAsync();
        var committedPath = RepositoryFiles.PathOf("docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(committedPath, served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "docs/openapi.json is not what the service serves: run scripts/generate-client.sh and commit the description and the client.");
    }

    [Fact]
    public async Task EveryOperation_HasAOneLineSummary_AndOnlyDeclaredStatusesWithExampleBodies()
    {
        var description = await ServedAsync();
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations(description))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var summary = operation["summary"]?.GetValue<string>() ?? "";
            if (summary.Length == 0 || summary.Contains('\n') || summary.Contains('`')) failures.Add($"{name}: summary must be one plain line");
            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('4'))) failures.Add($"{name}: declares no refusal (use .Documented(…, RouteAnswers…))");
            foreach (var (status, response) in responses)
            {
                foreach (var (type, media) in response!["content"]?.AsObject() ?? [])
                {
                    if (!HasExample(description, media!)) failures.Add($"{name}: {status} {type} has no example");
                }
                if (status is "429" or "503" && response["headers"]?["Retry-After"] is null) failures.Add($"{name}: {status} without Retry-After");
            }
            if (operation["requestBody"]?["content"]?.AsObject() is { } bodies)
            {
                foreach (var (type, media) in bodies)
                {
                    if (!HasExample(description, media!)) failures.Add($"{name}: request {type} has no example");
                }
            }
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["description"] is null) failures.Add($"{name}: parameter {parameter["name"]} has no description");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryMutation_DocumentsIdempotencyKeyAndIfMatch_AndAccountAnswersTheirETag()
    {
        var description = await ServedAsync();
        var mutations = Operations(description)
            .Where(o => o.Path.StartsWith("/accounts", StringComparison.Ordinal) && o.Method is "post" or "delete" && !o.Path.EndsWith("/ticket", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(mutations);
        Assert.All(mutations, o =>
        {
            var headers = o.Operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>());
            Assert.Superset(new HashSet<string> { "Idempotency-Key", "If-Match" }, headers.ToHashSet());
            Assert.True(o.Operation["responses"]!["412"] is not null, $"{o.Path}: If-Match can answer 412");
        });
        Assert.NotNull(description["paths"]!["/accounts/deposit"]!["post"]!["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(description["paths"]!["/accounts/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
    }

    [Fact]
    public async Task EveryBodySchema_HasAnExample_RequiredFields_AndNoCodeNames()
    {
        var description = await ServedAsync();
        var schemas = description["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.Where(s => s.Key != "ProblemDetails"))
        {
            Assert.True(schema!["example"] is not null, $"{name} has no example: implement IHasExample");
            Assert.True(schema["required"]?.AsArray().Count > 0, $"{name} marks no field required");
            Assert.True(schema["description"] is not null, $"{name} has no description: add [Description]");
        }

        var text = description.ToJsonString();
        Assert.DoesNotContain("NVelopes.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<c>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cref", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_TheServerEnforces_AreInTheSchema()
    {
        var schemas = (await ServedAsync())["components"]!["schemas"]!;

        var amount = schemas["MovementRequest"]!["properties"]!["amount"]!;
        Assert.Equal(0.01m, amount["multipleOf"]!.GetValue<decimal>());
        Assert.Equal(0.01m, amount["minimum"]!.GetValue<decimal>());
        Assert.Equal(["account_id", "amount", "description", "envelope_id"], schemas["MovementRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        var password = schemas["SignupRequest"]!["properties"]!["password"]!;
        Assert.Equal((8, 128), (password["minLength"]!.GetValue<int>(), password["maxLength"]!.GetValue<int>()));
        Assert.Equal(["DEPOSIT", "DEBIT", "ATM", "MOVE", "PAY", "FILL"], schemas["TransactionResponse"]!["properties"]!["op"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(100, schemas["NewAccountRequest"]!["properties"]!["name"]!["maxLength"]!.GetValue<int>());
        Assert.True(schemas["NewAccountRequest"]!["properties"]!["can_go_negative"]!["default"]!.GetValue<bool>());
    }

    private async Task<JsonNode> ServedAsync()
    {
        using var client = fixture.Factory.CreateClient();
        return await client.GetJsonAsync(NVelopes.Api.OpenApi.OpenApiExtensions.DocumentPath);
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode description) =>
        from path in description["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select (path.Key, method.Key, method.Value!);

    private static bool HasExample(JsonNode description, JsonNode media)
    {
        if (media["example"] is not null || media["examples"] is not null) return true;
        var schema = media["schema"];
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
            schema = description["components"]!["schemas"]![reference.Split('/')[^1]];
        else if (schema?["items"]?["$ref"]?.GetValue<string>() is { } itemReference)
            schema = description["components"]!["schemas"]![itemReference.Split('/')[^1]];
        return schema?["example"] is not null;
    }
}
