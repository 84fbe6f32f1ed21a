using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace NVelopes.Api.Auth;

/// <summary>
/// In Development only: when <c>Jwt:SigningKey</c> is not configured, uses a random key generated on first start
/// and kept in the data directory, so tokens survive restarts without anyone committing a secret.
/// </summary>
public sealed class SigningKeyFile(IConfiguration configuration, IHostEnvironment environment) : IPostConfigureOptions<JwtOptions>
{
    public const string FileName = "jwt-signing.key";
    public const string DataDirectoryKey = "Storage:DataDirectory";
    public const string DefaultDataDirectory = "./data";

    public void PostConfigure(string? name, JwtOptions options)
    {
        if (!environment.IsDevelopment() || !string.IsNullOrWhiteSpace(options.SigningKey)) return;
        var directory = Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } configured ? configured : DefaultDataDirectory);
        options.SigningKey = ReadOrCreate(Path.Combine(directory, FileName));
    }

    private static string ReadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        try
        {
            var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(path, owner);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign with one key.
            return File.ReadAllText(path).Trim();
        }
        return key;
    }
}
