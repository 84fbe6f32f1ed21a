using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NVelopes.Api.Auth;

/// <summary>
/// A token handler that validates a bearer token once and then remembers the outcome until the token expires.
/// <para>
/// Why: a client sends the same token with every request for its whole lifetime, and parsing it, checking its HMAC
/// and building its claims again each time was the largest share of a request's CPU and allocations. A remembered
/// token is the exact string that passed every check (signature included), so no other token can match it, and it
/// stops being remembered at its expiry; tokens that fail are never remembered. One instance belongs to one
/// <see cref="JwtBearerOptions"/> instance, so new signing keys or rules start with an empty memory.
/// </para>
/// </summary>
public sealed class RememberingTokenHandler(TokenHandler validator, TimeProvider clock) : TokenHandler
{
    /// <summary>Bounds the memory; past it the memory starts over (tokens are then validated again once).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    /// <summary>Number of tokens remembered now.</summary>
    public int Count => _validated.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_validated.TryGetValue(token, out var remembered))
        {
            if (now < remembered.ExpiresUtc) return remembered.ToResult();
            _validated.TryRemove(token, out _);
        }

        var result = await validator.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.ClaimsIdentity is { } identity && result.SecurityToken is { ValidTo: var validTo } securityToken
            && validTo > now)
        {
            if (_validated.Count >= Capacity) _validated.Clear();
            _validated[token] = new ValidatedToken(identity, securityToken, result.TokenType, result.Issuer, validTo);
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => validator.ReadToken(token);

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        validator.ValidateTokenAsync(token, validationParameters);

    /// <summary>
    /// Makes <paramref name="bearer"/> validate with a <see cref="JsonWebTokenHandler"/> whose outcomes are remembered.
    /// Call it after <see cref="JwtBearerOptions.MapInboundClaims"/> is set: the inner handler takes that setting.
    /// </summary>
    public static void RememberValidatedTokens(JwtBearerOptions bearer, TimeProvider clock)
    {
        var validator = new JsonWebTokenHandler { MapInboundClaims = bearer.MapInboundClaims };
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(new RememberingTokenHandler(validator, clock));
    }

    /// <summary>What a successful validation found, kept until <see cref="ExpiresUtc"/>.</summary>
    private sealed record ValidatedToken(ClaimsIdentity Identity, SecurityToken Token, string? TokenType, string? Issuer, DateTime ExpiresUtc)
    {
        /// <summary>A result of its own for each request, with its own copy of the identity, which a request may change.</summary>
        public TokenValidationResult ToResult() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            TokenType = TokenType,
            Issuer = Issuer,
        };
    }
}
