namespace NVelopes.Api.OpenApi;

/// <summary>The one household every example in the OpenAPI description is about, so the examples agree with each other.</summary>
public static class ApiExamples
{
    public const string AccountId = "9f1c2e7a4b6d4c0e8a3f5b7d9e1c3a5f";
    public const string UserId = "5b0e7f1c3d2a4e6b8c9d0a1f2e3b4c5d";
    public const string Username = "joeb";
    public const string Invitee = "janeb";
    public const string InvitationId = AccountId + ".0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string AccountName = "BanksRUs Current Account";
    public const string Groceries = "Groceries";
    public const string Employer = "Umbrella Corporation";
    public const long Version = 7;
    public const string IdempotencyKey = "deposit-2026-12-06-0001";
    public static readonly DateTime At = new(2026, 12, 6, 9, 30, 0, DateTimeKind.Utc);
}
