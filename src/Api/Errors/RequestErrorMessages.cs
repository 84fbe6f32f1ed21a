using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Errors;

/// <summary>
/// The one place that words the <c>detail</c> of a request the gateway could not read. The framework's own
/// messages name .NET types and parameters ("could not be converted to NVelopes.Api.Accounts.MovementRequest"); these
/// name the JSON property or route value at fault, in the wire's snake_case, and never a type. They are built from
/// facts, not from the framework's wording: the exception's type, its inner exception and JSON <c>Path</c>, the
/// body's JSON contract, and the endpoint's parameters matched against the request's route and query values.
/// </summary>
public static class RequestErrorMessages
{
    /// <summary>How long a client's value may be when it is quoted back in a message.</summary>
    private const int QuotedValueLength = 40;

    /// <summary>The default of <see cref="JsonSerializerOptions.MaxDepth"/>, which 0 stands for.</summary>
    private const int DefaultJsonDepth = 64;

    /// <summary>
    /// The reason <paramref name="badRequest"/> refused the request of <paramref name="context"/>. The exception
    /// handler has taken the endpoint and route values off the context by now; its feature keeps them.
    /// </summary>
    public static string Describe(BadHttpRequestException badRequest, HttpContext context)
    {
        if (badRequest is UnreadableBodyException) return badRequest.Message;
        if (badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return "This route does not accept that content type: send JSON (application/json).";
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failed?.Endpoint ?? context.GetEndpoint();
        if (badRequest.InnerException is JsonException json) return Describe(json, endpoint, context.RequestServices);
        if (UnparsableValue(endpoint, failed?.RouteValues ?? context.Request.RouteValues, context.Request.Query) is { } unparsable)
            return unparsable;
        if (endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null, IsOptional: false } body
            && body.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase))
            && context.Request.ContentLength is null or 0)
            return "A JSON request body is required.";
        return "The request could not be read.";
    }

    private static string Describe(JsonException json, Endpoint? endpoint, IServiceProvider services)
    {
        if (json is JsonValueException value) return $"{Field(value.Path)} {value.Reason}";
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // The reader could not make tokens of the body; the serializer wraps its exception.
        if (json.InnerException is JsonException reader)
            return IsTooDeep(reader, options) ? "The request body is nested too deeply." : "The request body is not valid JSON" + Position(json) + ".";
        // The serializer's own converters refuse a token of the wrong kind, or a number out of their range, this way.
        if (json.InnerException is InvalidOperationException or FormatException or OverflowException) return WrongType(json.Path);
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        return bodyType is not null && ContractAt(options.GetTypeInfo(bodyType), json.Path) is { } contract
            ? Describe(json, contract)
            : WrongType(json.Path);
    }

    /// <summary>A fault the serializer raised itself, about the value at the exception's path, whose contract is known.</summary>
    private static string Describe(JsonException json, (JsonTypeInfo Type, JsonPropertyInfo? Property) at)
    {
        if (at.Type.Kind == JsonTypeInfoKind.Object)
        {
            // A missing required property is reported at the object that lacks it: the serializer quotes its wire name.
            var missing = at.Type.Properties
                .Where(property => property.IsRequired && json.Message.Contains($"'{property.Name}'", StringComparison.Ordinal))
                .Select(property => $"'{property.Name}'")
                .ToList();
            if (missing.Count > 0) return $"The request body is missing required properties: {string.Join(", ", missing)}.";
            return json.Path is null or "$" ? "The request body must be a JSON object." : $"{Field(json.Path)} must be a JSON object.";
        }
        if (at.Type.Kind is JsonTypeInfoKind.Enumerable) return $"{Field(json.Path)} must be a JSON array.";
        // A wrong token for a string comes with the reader's exception inside; without one, the value was a null
        // that the declared nullability does not allow.
        if (at.Property is { } property && !property.PropertyType.IsValueType && !(property.AssociatedParameter?.IsNullable ?? property.IsSetNullable))
            return $"{Field(json.Path)} may not be null.";
        return WrongType(json.Path);
    }

    /// <summary>
    /// Whether the reader stopped at the configured depth: its exception says so only in words, which quote the limit.
    /// <c>BadInputTests</c> pins this answer, so a runtime that words it otherwise fails a test rather than the client.
    /// </summary>
    private static bool IsTooDeep(JsonException reader, JsonSerializerOptions options)
    {
        var depth = (options.MaxDepth == 0 ? DefaultJsonDepth : options.MaxDepth).ToString(CultureInfo.InvariantCulture);
        return reader.Message.Contains($" {depth} ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The JSON contract of the value at <paramref name="path"/> (<c>$.payments[0].amount</c>), with the property that
    /// holds it; null when the path leaves the contract (a property the body type does not have).
    /// </summary>
    private static (JsonTypeInfo Type, JsonPropertyInfo? Property)? ContractAt(JsonTypeInfo root, string? path)
    {
        if (path is null || !path.StartsWith('$')) return null;
        var type = root;
        JsonPropertyInfo? property = null;
        var at = 1;
        while (at < path.Length)
        {
            if (path[at] == '[')
            {
                var close = path.IndexOf(']', at);
                if (close < 0 || type.ElementType is not { } element) return null;
                type = type.Options.GetTypeInfo(element);
                property = null;
                at = close + 1;
            }
            else if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                var name = end < 0 ? path[(at + 1)..] : path[(at + 1)..end];
                property = type.Properties.FirstOrDefault(candidate => candidate.Name == name);
                if (property is null) return null;
                type = type.Options.GetTypeInfo(property.PropertyType);
                at = end < 0 ? path.Length : end;
            }
            else return null;
        }
        return (type, property);
    }

    /// <summary>
    /// The route or query value that one of the endpoint's parameters could not be parsed from, described; null when
    /// every value parses.
    /// </summary>
    private static string? UnparsableValue(Endpoint? endpoint, RouteValueDictionary routeValues, IQueryCollection query)
    {
        foreach (var parameter in endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var info = parameter.ParameterInfo;
            var name = info.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
                ?? info.GetCustomAttributes().OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
                ?? info.Name ?? parameter.Name;
            var text = routeValues.TryGetValue(name, out var routeValue) ? routeValue as string
                : query.TryGetValue(name, out var queryValue) ? queryValue.ToString()
                : null;
            var type = Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
            if (!string.IsNullOrEmpty(text) && !Parses(type, text))
                return $"'{JsonNamingPolicy.SnakeCaseLower.ConvertName(name)}' must be {KindOf(type)}; got \"{Quote(text)}\".";
        }
        return null;
    }

    /// <summary>Whether <paramref name="type"/>'s own TryParse, which binding uses, accepts <paramref name="text"/>.</summary>
    private static bool Parses(Type type, string text)
    {
        if (type == typeof(string)) return true;
        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null) return (bool)withProvider.Invoke(null, [text, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [text, null])!;
    }

    private static string WrongType(string? path) =>
        path is null or "$" ? "The request body must be a JSON object." : $"{Field(path)} has the wrong type or is out of range.";

    private static string Field(string? path) => path is null or "$" ? "The request body" : $"'{path.TrimStart('$', '.')}'";

    private static string Position(JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {position + 1})")
            : "";

    private static string KindOf(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
        TypeCode.Decimal or TypeCode.Double or TypeCode.Single => "a number",
        TypeCode.Boolean => "true or false",
        _ => "a valid value",
    };

    private static string Quote(string value) => value.Length <= QuotedValueLength ? value : value[..QuotedValueLength] + "…";
}
