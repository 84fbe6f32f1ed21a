using System.Text;
using Microsoft.Extensions.Options;

namespace NVelopes.Api.Auth;

/// <summary>Refuses to start without a signing key long enough for HS256; the message names the setting, never the key.</summary>
public sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
            return ValidateOptionsResult.Fail(
                $"{JwtOptions.SectionName}:SigningKey is not set. Configure a secret of at least {JwtOptions.MinimumKeyBytes} bytes " +
                "(for example the environment variable Jwt__SigningKey); only Development generates one by itself.");
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumKeyBytes)
            return ValidateOptionsResult.Fail(
                $"{JwtOptions.SectionName}:SigningKey is too short: HS256 needs at least {JwtOptions.MinimumKeyBytes} bytes.");
        return ValidateOptionsResult.Success;
    }
}
