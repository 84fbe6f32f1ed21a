using Microsoft.OpenApi;
using NVelopes.Api.Accounts;
using NVelopes.Api.Schedules;
using NVelopes.Api.Users;
using NVelopes.Grains.Domain.Users;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Schedules;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// States in the account requests' schemas what the account's rules accept: how many envelope names and split
/// lines one request may carry, how long names and descriptions may be, and what an amount may be. The rules
/// themselves are the domain's (<see cref="AccountLimits"/>, <see cref="Text"/>, <see cref="Money"/>); the command
/// bodies carry no validation attributes (<see cref="Errors.RequestValidation"/>).
/// </summary>
public sealed class RequestLimitsSchemaFilter : ISchemaFilter
{
    private static readonly HashSet<string> NameProperties = ["name", "envelope", "new_name", "payer"];

    /// <summary>The username rule as a pattern: letters or digits, single separators between them.</summary>
    public const string UsernamePattern = "^[A-Za-z0-9]([._-]?[A-Za-z0-9])*$";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type == typeof(SignupRequest) && schema is OpenApiSchema { Properties: { } signup }
            && signup.TryGetValue("username", out var username) && username is OpenApiSchema usernameSchema)
        {
            usernameSchema.MinLength = UsernameRule.MinLength;
            usernameSchema.MaxLength = UsernameRule.MaxLength;
            usernameSchema.Pattern = UsernamePattern;
            usernameSchema.Description = $"The username to log in with: {UsernameRule.MinLength} to {UsernameRule.MaxLength} characters " +
                "of letters, digits, `.`, `_` and `-` (see the route's description).";
            // The other fields' limits are validation attributes on constructor parameters, which the generator does not read.
            if (signup.TryGetValue("full_name", out var fullNameFound) && fullNameFound is OpenApiSchema fullName)
                fullName.MaxLength = SignupLimits.MaxFullNameLength;
            if (signup.TryGetValue("email", out var emailFound) && emailFound is OpenApiSchema email)
            {
                email.MaxLength = SignupLimits.MaxEmailLength;
                email.Format = "email";
            }
            if (signup.TryGetValue("password", out var passwordFound) && passwordFound is OpenApiSchema password)
            {
                password.MinLength = SignupLimits.MinPasswordLength;
                password.MaxLength = SignupLimits.MaxPasswordLength;
                password.Description = $"The password: {SignupLimits.MinPasswordLength} to {SignupLimits.MaxPasswordLength} characters.";
            }
        }
        if (context.Type.Namespace is not { } space || !context.Type.Name.EndsWith("Request", StringComparison.Ordinal)
            || (space != typeof(NewAccountRequest).Namespace && space != typeof(ScheduleRequest).Namespace)) return;
        if (schema is not OpenApiSchema { Properties: { } properties }) return;
        foreach (var (name, property) in properties)
        {
            if (property is not OpenApiSchema limited) continue;
            if (NameProperties.Contains(name))
            {
                limited.MinLength = 1;
                limited.MaxLength = Text.MaximumNameLength;
            }
            else if (name == "description") limited.MaxLength = Text.MaximumDescriptionLength;
            else if (name == "amount") Bound(limited, minimum: "0.01");
            else if (name == "opening_balance") Bound(limited, minimum: "0");
            else if (name is "payments" or "fills") limited.MaxItems = AccountLimits.SplitsPerPayment;
            else if (name == "rule") { limited.MinLength = 1; limited.MaxLength = Recurrence.MaximumRuleLength; }
            else if (name == "envelopes")
            {
                // Envelope 0 "Available" is always there, so one request adds one fewer than the account holds.
                limited.MinItems = 1;
                limited.MaxItems = AccountLimits.EnvelopesPerAccount - 1;
                if (limited.Items is OpenApiSchema item)
                {
                    item.MinLength = 1;
                    item.MaxLength = Text.MaximumNameLength;
                }
            }
            else if (name.EndsWith("_id", StringComparison.Ordinal) && limited.Type == JsonSchemaType.Integer) limited.Minimum = "0";
        }
    }

    private static void Bound(OpenApiSchema amount, string minimum)
    {
        amount.Minimum = minimum;
        amount.Maximum = Money.MaximumAmount.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
