using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NVelopes.Api.Wire;

/// <summary>
/// 200 with a JSON body written in one piece: serialised synchronously into a buffer of this thread, then handed to
/// the response with its <c>Content-Length</c>. Why: <c>TypedResults.Ok</c> streams through the asynchronous
/// serializer and chunked framing, which for answers of a few hundred bytes costs more than serialising them.
/// Same JSON options, same body, same OpenAPI description as <c>Ok&lt;T&gt;</c>.
/// </summary>
public sealed class JsonOk<TValue>(TValue value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TValue>, IEndpointMetadataProvider
{
    private const string ContentType = "application/json; charset=utf-8";

    public TValue Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        var buffer = JsonOkBuffer.Rent();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true }))
                JsonSerializer.Serialize(writer, Value, typeInfo);

            var response = context.Response;
            response.StatusCode = StatusCode;
            response.ContentType = ContentType;
            response.ContentLength = buffer.WrittenCount;
            response.BodyWriter.Write(buffer.WrittenSpan);
        }
        finally
        {
            JsonOkBuffer.Return(buffer);
        }
        // Kestrel sends the headers and the body with one flush when the request completes.
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TValue), ["application/json"]));
}
