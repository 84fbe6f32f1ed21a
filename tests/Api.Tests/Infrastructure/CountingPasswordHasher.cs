using Microsoft.AspNetCore.Identity;
using NVelopes.Api.Auth;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>The service's real password hasher, counting how often it verifies a password.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<UserPasswords>
{
    private readonly PasswordHasher<UserPasswords> _inner = new();
    private int _verifications;

    public int Verifications => _verifications;

    public string HashPassword(UserPasswords user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserPasswords user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
