using System.ComponentModel;
using System.Text.Json.Serialization;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

/// <summary>The answer of <c>POST /accounts/new</c>, with the original's four PascalCase keys.</summary>
[Description("The account just opened, with the original service's four PascalCase keys.")]
public sealed record OpenedAccountResponse(
    [property: JsonPropertyName("AccountId"), Description("The new account's id: use it in every other account route.")] string AccountId,
    [property: JsonPropertyName("Account"), Description("The account's name.")] string Account,
    [property: JsonPropertyName("Status"), Description("Always `Opened`.")] string Status,
    [property: JsonPropertyName("Balance"), Description("The opening balance, in envelope 0 (Available).")] decimal Balance)
    : IHasExample<OpenedAccountResponse>
{
    public const string Opened = "Opened";

    public static OpenedAccountResponse Example => new(ApiExamples.AccountId, ApiExamples.AccountName, Opened, 100.00m);
}
