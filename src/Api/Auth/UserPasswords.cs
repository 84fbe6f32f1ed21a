using Microsoft.AspNetCore.Identity;

namespace NVelopes.Api.Auth;

/// <summary>
/// Salted, slow password hashes (ASP.NET Core Identity's PBKDF2 format). Verifying an unknown user still runs the
/// hasher against a fixed dummy hash, so a login's timing does not tell whether the username exists.
/// </summary>
public sealed class UserPasswords(IPasswordHasher<UserPasswords> hasher)
{
    private string? _dummyHash;

    public string Hash(string password) => hasher.HashPassword(this, password);

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>; false, after the same work, when there is no hash.</summary>
    public bool Verify(string? hash, string password)
    {
        var result = hasher.VerifyHashedPassword(this, hash ?? DummyHash, password);
        return hash is not null && result is not PasswordVerificationResult.Failed;
    }

    private string DummyHash =>
        LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(this, Guid.NewGuid().ToString("N")));
}
