using Microsoft.OpenApi;
using NVelopes.Api.Auth;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.OpenApi;

public static class OpenApiExtensions
{
    public const string DocsRoute = "docs";
    public const string DocumentName = "v1";
    public const string SecuritySchemeName = "oauth2";

    /// <summary>Where Swagger UI is served.</summary>
    public static readonly PathString DocsPath = "/" + DocsRoute;

    /// <summary>Where Swashbuckle serves the OpenAPI documents by default.</summary>
    public static readonly PathString DocumentRoot = "/swagger";

    /// <summary>Where the OpenAPI description is served.</summary>
    public static readonly string DocumentPath = $"{DocumentRoot}/{DocumentName}/swagger.json";

    /// <summary>
    /// The OpenAPI document, with an OAuth2 password-flow scheme whose token URL is <c>/token</c>, so that Swagger
    /// UI's Authorize button logs in with a username and password.
    /// </summary>
    public static IServiceCollection AddNVelopesOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "NVelopes",
                Version = DocumentName,
                Description = "Envelope budgeting: accounts, envelopes, payment sources and their history. " +
                    $"A user has at most {AccountLimits.OpenAccountsPerOwner} open accounts; an account at most {AccountLimits.EnvelopesPerAccount} " +
                    $"envelopes (Available included) and {AccountLimits.PaymentSourcesPerAccount} payment sources; a split at most " +
                    $"{AccountLimits.SplitsPerPayment} lines: past a limit, 400 with the limit in `detail`. Every account change counts " +
                    "against its user's rate limit (600 a minute unless configured otherwise): past it, 429 with `Retry-After`.\n\n" +
                    "Bodies are JSON in snake_case; money is a JSON number with at most two decimals, answered with exactly two. " +
                    "Refusals are problem details (RFC 9457) with the reason in `detail`. Log in with `POST /token` (or the Authorize " +
                    "button) and send the token as `Authorization: Bearer …`.",
                // No licence is granted to the service's code or its description.
                License = new OpenApiLicense { Name = "All rights reserved" },
            });
            // Relative: Swagger UI and clients call the server that served the description.
            options.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this description." });
            options.DocumentFilter<TagsDocumentFilter>();
            options.AddSecurityDefinition(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Log in with your NVelopes username and password.",
                Flows = new OpenApiOAuthFlows
                {
                    Password = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(TokenEndpoints.TokenRoute, UriKind.Relative),
                        Scopes = new Dictionary<string, string>(),
                    },
                },
            });
            // The texts come from [Description] and the routes' declarations: the XML comments speak of the code.
            options.SupportNonNullableReferenceTypes();
            // Money is an exact decimal on the wire, never a binary double, in whole cents.
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal", MultipleOf = 0.01m });
            options.OperationFilter<AuthorizeOperationFilter>();
            options.OperationFilter<RouteDocumentationOperationFilter>();
            options.OperationFilter<TokenFormOperationFilter>();
            options.SchemaFilter<BodySchemaFilter>();
            options.SchemaFilter<ExampleSchemaFilter>();
            options.SchemaFilter<WireValuesSchemaFilter>();
            options.SchemaFilter<RequestLimitsSchemaFilter>();
        });
        return services;
    }

    /// <summary>
    /// Serves the OpenAPI document under <c>/swagger</c> and Swagger UI at <c>/docs</c>; only requests for those paths
    /// pass through their middleware.
    /// </summary>
    public static WebApplication UseNVelopesDocs(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DocumentRoot) || context.Request.Path.StartsWithSegments(DocsPath), docs =>
        {
            docs.UseSwagger();
            docs.UseSwaggerUI(options =>
            {
                options.RoutePrefix = DocsRoute;
                options.DocumentTitle = "NVelopes API";
                options.SwaggerEndpoint(DocumentPath, "NVelopes " + DocumentName);
                // The token survives a reload (in the browser's local storage) until it expires or the user logs out.
                options.EnablePersistAuthorization();
                // An operation has an address (/docs#/Accounts/Deposit) that opens it.
                options.EnableDeepLinking();
                // The password flow needs no OAuth2 client: the Authorize dialog asks only for the username and password.
                options.HeadContent += "<style>.auth-container .wrapper:has(> label[for=password_type]), .auth-container .wrapper:has(> label[for^=client_id]), " +
                    ".auth-container .wrapper:has(> label[for^=client_secret]) { display: none; }</style>";
            });
        });
        return app;
    }
}
