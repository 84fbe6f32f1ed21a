namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Builders for the accounts a test starts from, made through the real endpoints.</summary>
public static class Accounts
{
    /// <summary>Opens an account and returns its id.</summary>
    public static async Task<string> OpenAccountAsync(
        this ApiUser user, decimal openingBalance = 100.00m, bool canGoNegative = false, string name = "Current Account")
    {
        using var response = await user.Client.PostJsonAsync("/accounts/new", new
        {
            name,
            opening_balance = openingBalance,
            can_go_negative = canGoNegative,
        });
        return (await response.ReadJsonAsync())["AccountId"]!.GetValue<string>();
    }

    /// <summary>Opens an account with envelopes 1… named <paramref name="envelopes"/>.</summary>
    public static async Task<string> OpenAccountWithEnvelopesAsync(this ApiUser user, decimal openingBalance, params string[] envelopes)
    {
        var accountId = await user.OpenAccountAsync(openingBalance);
        using var response = await user.Client.PostJsonAsync("/accounts/envelopes/add", new { account_id = accountId, envelopes });
        await response.ReadJsonAsync();
        return accountId;
    }

    public static Task<HttpResponseMessage> DepositAsync(this ApiUser user, string accountId, int envelopeId, decimal amount, string description = "deposit") =>
        user.Client.PostJsonAsync("/accounts/deposit", new { account_id = accountId, envelope_id = envelopeId, description, amount });
}
