using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NVelopes.Api.Accounts;
using NVelopes.Api.Imports;
using NVelopes.Api.Schedules;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Domain;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// Lists the values a string field can take, so clients can switch over them exhaustively: a change's <c>kind</c>
/// and a transaction's <c>op</c>.
/// </summary>
public sealed class WireValuesSchemaFilter : ISchemaFilter
{
    private static readonly string[] ScheduleKinds = ["pay", "fill", "debit"];

    private static readonly string[] WeekendRules = ["keep", "before", "after"];

    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Values = new()
    {
        [(typeof(ChangeResponse), "kind")] = ChangeKinds.All,
        [(typeof(TransactionResponse), "op")] = [.. Enum.GetValues<TransactionKind>().Select(kind => LegacyTransaction.Op(kind.ToString()))],
        [(typeof(ScheduleRequest), "kind")] = ScheduleKinds,
        [(typeof(ScheduleResponse), "kind")] = ScheduleKinds,
        [(typeof(ScheduleRequest), "weekend")] = WeekendRules,
        [(typeof(ScheduleResponse), "weekend")] = WeekendRules,
        [(typeof(ImportResponse), "format")] = ["csv", "ofx", "qif"],
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties }) return;
        foreach (var (name, property) in properties)
        {
            if (property is OpenApiSchema listed && Values.TryGetValue((context.Type, name), out var values))
                listed.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
        }
    }
}
