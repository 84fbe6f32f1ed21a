using System.Text.Json.Serialization;

namespace NVelopes.Api.Accounts;

/// <summary>The answer of <c>POST /accounts/new</c>, with the original's four PascalCase keys.</summary>
public sealed record OpenedAccountResponse(
    [property: JsonPropertyName("AccountId")] string AccountId,
    [property: JsonPropertyName("Account")] string Account,
    [property: JsonPropertyName("Status")] string Status,
    [property: JsonPropertyName("Balance")] decimal Balance)
{
    public const string Opened = "Opened";
}
