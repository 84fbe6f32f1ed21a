using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NVelopes.Api.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer authentication with every check on (signature, HS256 only, issuer, audience, lifetime with a small
    /// skew; a token that passed is remembered until it expires; the claims that name its user, and that user active), the options that drive it validated at start-up,
    /// and the services that issue tokens and hash passwords.
    /// </summary>
    public static IServiceCollection AddNVelopesAuthentication(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>()
            .BindConfiguration(JwtOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<JwtOptions>, SigningKeyFile>();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddJwtBearer(FeedTickets.Scheme);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, TimeProvider, ActiveUsers>((bearer, jwt, clock, users) => ConfigureBearer(bearer, jwt.Value, clock, users));
        services.AddOptions<JwtBearerOptions>(FeedTickets.Scheme)
            .Configure<IOptions<JwtOptions>, TimeProvider, ActiveUsers>((bearer, jwt, clock, users) => FeedTickets.Configure(bearer, jwt.Value, clock, users));
        services.AddAuthorization(options => options.AddPolicy(FeedTickets.Policy, FeedTickets.PolicyOf()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ActiveUsers>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<IPasswordHasher<UserPasswords>, PasswordHasher<UserPasswords>>();
        services.AddSingleton<UserPasswords>();
        return services;
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, JwtOptions jwt, TimeProvider clock, ActiveUsers users)
    {
        BearerChecks.Require(bearer, TokenService.SigningKeyOf(jwt), jwt.Issuer, jwt.Audience, jwt.ClockSkew, clock);
        bearer.TokenValidationParameters.NameClaimType = NVelopesClaims.Username;
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context => TokenUserCheck.ValidateAsync(context, TokenUserCheck.AccessTokenClaims, users),
            OnAuthenticationFailed = TokenUserCheck.ExplainExpiry,
        };
    }
}
