using System.Text.Json;
using System.Text.Json.Serialization;

namespace NVelopes.Api.Wire;

public static class JsonExtensions
{
    /// <summary>
    /// The wire format of the compatibility contract: snake_case names, numbers only as JSON numbers (a string
    /// amount is a 400), money read only when exact (<see cref="ExactDecimalConverter"/>), and declared nullability
    /// and required constructor parameters enforced while reading.
    /// </summary>
    public static IServiceCollection AddNVelopesJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.RespectNullableAnnotations = true;
            json.RespectRequiredConstructorParameters = true;
            json.Converters.Add(new ExactDecimalConverter());
        });
}
