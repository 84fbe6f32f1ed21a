using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Users;

/// <summary>Sign-up data; the password arrives already hashed by the gateway, never in clear.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.RegisterUser")]
public sealed record RegisterUser(string UserId, string Username, string Email, string FullName, string PasswordHash);

[GenerateSerializer, Immutable, Alias("NVelopes.UserView")]
public sealed record UserView(string UserId, string Username, string Email, string FullName, bool Disabled);

/// <summary>Opens account <see cref="AccountId"/> for the user as <see cref="Command"/> says.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.OpenUserAccount")]
public sealed record OpenUserAccount(string AccountId, OpenAccount Command);

/// <summary>What login needs to check a password; only the gateway asks for it.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.UserCredentials")]
public sealed record UserCredentials(string UserId, string Username, string PasswordHash, bool Disabled);
