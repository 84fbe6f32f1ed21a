using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NVelopes.Api.Auth;

namespace NVelopes.Api.Tests;

/// <summary>A validated bearer token is remembered until it expires, and nothing else is.</summary>
public sealed class RememberingTokenHandlerTests
{
    private const string Issuer = "nvelopes-tests";
    private const string Audience = "nvelopes-tests-api";

    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(64));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingValidator _validator = new();
    private readonly RememberingTokenHandler _handler;

    public RememberingTokenHandlerTests() => _handler = new RememberingTokenHandler(_validator, _clock);

    [Fact]
    public async Task AValidToken_IsCheckedOnceAndThenRemembered()
    {
        var token = Issue("user-1", lifetime: TimeSpan.FromMinutes(30));

        var first = await _handler.ValidateTokenAsync(token, Parameters());
        var second = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _validator.Calls);
        Assert.Equal("user-1", second.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task EachRequest_GetsItsOwnIdentity()
    {
        var token = Issue("user-1", lifetime: TimeSpan.FromMinutes(30));
        await _handler.ValidateTokenAsync(token, Parameters());

        var changed = await _handler.ValidateTokenAsync(token, Parameters());
        changed.ClaimsIdentity.AddClaim(new Claim("role", "admin"));
        var next = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.Null(next.ClaimsIdentity.FindFirst("role"));
    }

    [Fact]
    public async Task ARememberedToken_IsCheckedAgainOnceItExpires()
    {
        var token = Issue("user-1", lifetime: TimeSpan.FromMinutes(5));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);

        _clock.Advance(TimeSpan.FromMinutes(6));
        var late = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.False(late.IsValid);
        Assert.Equal(2, _validator.Calls);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task ATokenThatFails_IsNeverRemembered()
    {
        var forged = Issue("user-1", lifetime: TimeSpan.FromMinutes(30), key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)));

        Assert.False((await _handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.False((await _handler.ValidateTokenAsync(forged, Parameters())).IsValid);

        Assert.Equal(2, _validator.Calls);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task ATamperedCopyOfARememberedToken_IsCheckedAndRefused()
    {
        var token = Issue("user-1", lifetime: TimeSpan.FromMinutes(30));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
        var signatureStart = token.LastIndexOf('.') + 1;
        var tampered = token[..signatureStart] + (token[signatureStart] == 'A' ? 'B' : 'A') + token[(signatureStart + 1)..];

        var result = await _handler.ValidateTokenAsync(tampered, Parameters());

        Assert.False(result.IsValid);
        Assert.Equal(2, _validator.Calls);
    }

    [Fact]
    public async Task TheMemory_IsBounded()
    {
        for (var user = 0; user < RememberingTokenHandler.Capacity + 10; user++)
        {
            Assert.True((await _handler.ValidateTokenAsync(Issue($"user-{user}", TimeSpan.FromMinutes(30)), Parameters())).IsValid);
        }

        Assert.InRange(_handler.Count, 1, RememberingTokenHandler.Capacity);
    }

    private string Issue(string userId, TimeSpan lifetime, SecurityKey? key = null)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId)]),
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.HmacSha256),
        });
    }

    private TokenValidationParameters Parameters() => new()
    {
        IssuerSigningKey = _key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = LifetimeAt,
    };

    /// <summary>The lifetime check on the test's clock, so expiry can be reached without waiting.</summary>
    private bool LifetimeAt(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore <= now) && expires is { } end && now < end;
    }

    /// <summary>The real validator, counting how often it is asked.</summary>
    private sealed class CountingValidator : TokenHandler
    {
        private readonly JsonWebTokenHandler _inner = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _inner.ValidateTokenAsync(token, validationParameters);
        }
    }
}
