using System.ComponentModel.DataAnnotations;

namespace NVelopes.Api.Auth;

/// <summary>How the gateway signs and checks its access tokens (section <c>Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>Fewest bytes an HS256 key may have (its UTF-8 encoding).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The HS256 key, at least <see cref="MinimumKeyBytes"/> bytes of UTF-8. Required outside Development; in
    /// Development a missing key is generated once and kept in the data directory (<see cref="SigningKeyFile.FileName"/>).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> of issued tokens, and the only one accepted. Default "nvelopes".</summary>
    [Required]
    public string Issuer { get; set; } = "nvelopes";

    /// <summary>The <c>aud</c> of issued tokens, and the only one accepted. Default "nvelopes-api".</summary>
    [Required]
    public string Audience { get; set; } = "nvelopes-api";

    /// <summary>How long an access token is valid. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Tolerance for clocks that disagree when checking <c>exp</c> and <c>nbf</c>. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
