using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace NVelopes.Api.Auth;

/// <summary>
/// Feed tickets: how a browser's <c>EventSource</c>, which cannot send an Authorization header, opens an account's
/// event stream. A client holding an access token asks <c>POST /accounts/{id}/events/ticket</c> for a ticket and
/// opens <c>GET /accounts/{id}/events?ticket=…</c>. A ticket is a token of its own audience, so no other route
/// accepts it; it names one account, so it opens no other feed; and it lives one minute, so the copy that URLs
/// leave in access logs is worthless soon after. It is checked when the stream opens, which then lives on.
/// </summary>
public static class FeedTickets
{
    public const string Scheme = "FeedTicket";
    public const string Policy = "AccessTokenOrFeedTicket";
    public const string QueryParameter = "ticket";

    /// <summary>The claim naming the one account whose feed the ticket opens.</summary>
    public const string AccountClaim = "feed_account";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>What a ticket names: the user's id and the account; one without the account would open any feed of the user.</summary>
    private static readonly string[] Claims = [NVelopesClaims.UserId, AccountClaim];

    public static string AudienceOf(JwtOptions jwt) => jwt.Audience + "/feed";

    /// <summary>The ticket check: every check of an access token, another audience, and the token read from the query.</summary>
    public static void Configure(JwtBearerOptions bearer, JwtOptions jwt, TimeProvider clock, ActiveUsers users)
    {
        BearerChecks.Require(bearer, TokenService.SigningKeyOf(jwt), jwt.Issuer, AudienceOf(jwt), jwt.ClockSkew, clock);
        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token = context.Request.Query[QueryParameter] is [{ Length: > 0 } ticket] ? ticket : null;
                if (context.Token is null) context.NoResult();
                return Task.CompletedTask;
            },
            OnTokenValidated = context => TokenUserCheck.ValidateAsync(context, Claims, users),
        };
    }

    /// <summary>The feed route's policy: an access token in the header, or a ticket in the query.</summary>
    public static AuthorizationPolicy PolicyOf() =>
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme, Scheme).RequireAuthenticatedUser().Build();

    /// <summary>Whether the caller may open <paramref name="accountId"/>'s feed: any with an access token, only its own with a ticket.</summary>
    public static bool Opens(System.Security.Claims.ClaimsPrincipal caller, string accountId) =>
        caller.FindFirst(AccountClaim) is not { } ticketAccount || ticketAccount.Value == accountId;
}
