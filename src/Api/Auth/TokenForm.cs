using Microsoft.AspNetCore.Mvc;

namespace NVelopes.Api.Auth;

/// <summary>The form fields of <c>POST /token</c> (OAuth2 password grant, as the original and Swagger UI send them).</summary>
public sealed record TokenForm(
    [FromForm(Name = "grant_type")] string? GrantType,
    [FromForm(Name = "username")] string? Username,
    [FromForm(Name = "password")] string? Password);
