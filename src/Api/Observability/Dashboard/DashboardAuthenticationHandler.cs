using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NVelopes.Hosting.Observability;

namespace NVelopes.Api.Observability.Dashboard;

/// <summary>
/// The operator's sign-in to the dashboard: HTTP Basic against <c>Dashboard:Username</c> and <c>Dashboard:Password</c>,
/// so a browser prompts for it and resends it with the dashboard's own requests. Used only by the dashboard's policy;
/// the API keeps its JWT bearer scheme. Credentials are compared in constant time and never logged. Serve the gateway
/// over TLS (a reverse proxy) wherever the dashboard is on: Basic credentials are only encoded.
/// </summary>
public sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<DashboardAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<DashboardSettings> settings)
    : AuthenticationHandler<DashboardAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "DashboardBasic";
    public const string PolicyName = "Dashboard";
    private const string Realm = "NVelopes dashboard";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
            return Task.FromResult(AuthenticateResult.NoResult());

        if (!TryDecode(header.Parameter, out var username, out var password) || !Matches(username, password))
            return Task.FromResult(AuthenticateResult.Fail("Wrong dashboard credentials."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    private bool Matches(string username, string password)
    {
        var expected = settings.Value;
        if (string.IsNullOrEmpty(expected.Password)) return false;
        // Both comparisons always run, over hashes of equal length, so timing tells nothing about either value.
        var userMatches = SameSecret(username, expected.Username);
        var passwordMatches = SameSecret(password, expected.Password);
        return userMatches & passwordMatches;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static bool TryDecode(string parameter, out string username, out string password)
    {
        username = password = "";
        var buffer = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, buffer, out var length)) return false;
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':');
        if (colon < 0) return false;
        username = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}
