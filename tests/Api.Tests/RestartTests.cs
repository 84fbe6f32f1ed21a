using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>A service restarted on the same data directory and key keeps its users, accounts and history.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = NVelopesApiFactory.NewDataDirectory();
    private readonly string _signingKey = NVelopesApiFactory.NewSigningKey();

    [Fact]
    public async Task Restart_OnSameDataDirectory_KeepsUsersAccountsAndHistory()
    {
        string accountId, username, token, accountBefore, historyBefore;
        await using (var first = new NVelopesApiFactory(_dataDirectory, _signingKey))
        {
            var user = await first.SignUpAndLogInAsync();
            (username, token) = (user.Username, user.Token);
            accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food", "Rent");
            using (var deposit = await user.DepositAsync(accountId, 1, 42.42m)) await deposit.ReadJsonAsync();
            using (var debit = await user.Client.PostJsonAsync("/accounts/debit", new { account_id = accountId, envelope_id = 0, description = "x", amount = 0.42m }))
                await debit.ReadJsonAsync();
            accountBefore = (await user.Client.GetJsonAsync($"/accounts/{accountId}")).ToJsonString();
            historyBefore = (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).ToJsonString();
        }
        Assert.True(Directory.EnumerateFiles(_dataDirectory).Any(), "The service kept nothing in its data directory.");

        await using var second = new NVelopesApiFactory(_dataDirectory, _signingKey);
        var oldToken = second.CreateClient(token);
        var relogged = second.CreateClient(await second.LogInAsync(username, ApiUsers.DefaultPassword));

        foreach (var client in new[] { oldToken, relogged })
        {
            Assert.Equal(accountBefore, (await client.GetJsonAsync($"/accounts/{accountId}")).ToJsonString());
            Assert.Equal(historyBefore, (await client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).ToJsonString());
            Assert.Equal([accountId], (await client.GetJsonAsync("/accounts")).AsArray().Select(a => a!["account_id"]!.GetValue<string>()));
        }
        using var afterRestart = await relogged.PostJsonAsync("/accounts/deposit", new { account_id = accountId, envelope_id = 2, description = "after", amount = 1.00m });
        Assert.Equal(3L, (await afterRestart.ReadJsonAsync())["transaction"]!["tx_id"]!.GetValue<long>());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
