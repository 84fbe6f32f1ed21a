using Microsoft.OpenApi;
using NVelopes.Api.Accounts;
using NVelopes.Grains.Domain;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// States in the account requests' schemas what the account's rules accept: how many envelope names and split
/// lines one request may carry, and how long names and descriptions may be. The rules themselves are the domain's
/// (<see cref="AccountLimits"/>, <see cref="Text"/>); the command bodies carry no validation attributes.
/// </summary>
public sealed class RequestLimitsSchemaFilter : ISchemaFilter
{
    private static readonly HashSet<string> NameProperties = ["name", "envelope", "new_name", "payer"];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type.Namespace != typeof(NewAccountRequest).Namespace || !context.Type.Name.EndsWith("Request", StringComparison.Ordinal)) return;
        if (schema is not OpenApiSchema { Properties: { } properties }) return;
        foreach (var (name, property) in properties)
        {
            if (property is not OpenApiSchema limited) continue;
            if (NameProperties.Contains(name)) limited.MaxLength = Text.MaximumNameLength;
            else if (name == "description") limited.MaxLength = Text.MaximumDescriptionLength;
            else if (name == "payments") limited.MaxItems = AccountLimits.SplitsPerPayment;
            else if (name == "envelopes")
            {
                // Envelope 0 "Available" is always there, so one request adds one fewer than the account holds.
                limited.MaxItems = AccountLimits.EnvelopesPerAccount - 1;
                if (limited.Items is OpenApiSchema item) item.MaxLength = Text.MaximumNameLength;
            }
        }
    }
}
