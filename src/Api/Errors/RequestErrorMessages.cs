using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NVelopes.Api.Errors;

/// <summary>
/// The <c>detail</c> of a request the gateway could not read. The framework's own messages name .NET types and
/// parameters ("could not be converted to NVelopes.Api.Accounts.MovementRequest"); these name the JSON property
/// or route value at fault, in the wire's snake_case, and never a type.
/// </summary>
public static partial class RequestErrorMessages
{
    /// <summary>How long a client's value may be when it is quoted back in a message.</summary>
    private const int QuotedValueLength = 40;

    public static string Describe(BadHttpRequestException badRequest) => badRequest.InnerException switch
    {
        _ when badRequest is UnreadableBodyException => badRequest.Message,
        JsonValueException value => $"{Field(value.Path)} {value.Reason}",
        JsonException json => Describe(json),
        _ => DescribeBinding(badRequest),
    };

    private static string Describe(JsonException json)
    {
        var message = json.Message;
        if (MissingProperties().Match(message) is { Success: true } missing)
            return $"The request body is missing required properties: {missing.Groups["names"].Value}.";
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return "The request body is nested too deeply.";
        if (NullNotAllowed().Match(message) is { Success: true } nullName)
            return $"'{SnakeCase(nullName.Groups["name"].Value)}' may not be null.";
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return json.Path is null or "$"
                ? "The request body must be a JSON object."
                : $"{Field(json.Path)} has the wrong type or is out of range.";
        return "The request body is not valid JSON" + Position(json) + ".";
    }

    private static string DescribeBinding(BadHttpRequestException badRequest)
    {
        var message = badRequest.Message;
        if (badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return "This route does not accept that content type: send JSON (application/json).";
        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.Contains("from body", StringComparison.Ordinal))
            return "A JSON request body is required.";
        if (FailedToBind().Match(message) is { Success: true } failed)
            return $"'{SnakeCase(failed.Groups["name"].Value)}' must be {KindOf(failed.Groups["type"].Value)}; got \"{Quote(failed.Groups["value"].Value)}\".";
        if (RequiredParameter().Match(message) is { Success: true } required)
            return $"'{SnakeCase(required.Groups["name"].Value)}' is required.";
        return "The request could not be read.";
    }

    private static string Field(string? path) => path is null or "$" ? "The request body" : $"'{path.TrimStart('$', '.')}'";

    private static string Position(JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {position + 1})")
            : "";

    private static string KindOf(string type) => type switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "decimal" or "double" or "Decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        _ => "a valid value",
    };

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static string Quote(string value) => value.Length <= QuotedValueLength ? value : value[..QuotedValueLength] + "…";

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("(?:parameter|property) '(?<name>[^']+)'.*doesn't allow null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?:[^ \"]+ )?(?<name>[^\"]+)\" was not provided")]
    private static partial Regex RequiredParameter();
}
