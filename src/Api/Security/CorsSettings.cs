namespace NVelopes.Api.Security;

/// <summary>Which browser origins may call the API (section <c>Cors</c>). None by default: CORS stays off.</summary>
public sealed class CorsSettings
{
    public const string SectionName = "Cors";

    /// <summary>
    /// Origins allowed to call the API from a browser, such as <c>https://budget.example.com</c>
    /// (<c>Cors:AllowedOrigins:0</c>, …). Empty: no CORS headers are ever sent, so browsers refuse cross-origin calls.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
