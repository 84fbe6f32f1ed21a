using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Idempotency keys are remembered durably: a retry after the service restarted is still not applied again.</summary>
public sealed class RetryAfterRestartTests : IDisposable
{
    private readonly string _dataDirectory = NVelopesApiFactory.NewDataDirectory();
    private readonly string _signingKey = NVelopesApiFactory.NewSigningKey();

    [Fact]
    public async Task Deposit_RetriedAfterRestartOnSameDataDirectory_ReturnsTheFirstAnswerAndIsNotAppliedAgain()
    {
        var (openKey, depositKey) = (RetryRequests.NewKey(), RetryRequests.NewKey());
        string accountId, token, firstAnswer, firstETag, openAnswer;
        object deposit, open;
        await using (var before = new NVelopesApiFactory(_dataDirectory, _signingKey))
        {
            var user = await before.SignUpAndLogInAsync();
            token = user.Token;
            open = new { name = "Restarted", opening_balance = 10.00m };
            using var opened = await user.Client.PostJsonAsync("/accounts/new", open, openKey);
            var openedBody = await opened.ReadJsonAsync();
            openAnswer = openedBody.ToJsonString();
            accountId = openedBody["AccountId"]!.GetValue<string>();
            deposit = new { account_id = accountId, envelope_id = 0, description = "before restart", amount = 2.50m };
            using var first = await user.Client.PostJsonAsync("/accounts/deposit", deposit, depositKey);
            firstAnswer = (await first.ReadJsonAsync()).ToJsonString();
            firstETag = first.ETag();
        }

        await using var after = new NVelopesApiFactory(_dataDirectory, _signingKey);
        var client = after.CreateClient(token);
        using var retriedOpen = await client.PostJsonAsync("/accounts/new", open, openKey);
        using var retried = await client.PostJsonAsync("/accounts/deposit", deposit, depositKey);

        Assert.Equal(openAnswer, (await retriedOpen.ReadJsonAsync()).ToJsonString());
        Assert.Equal(firstAnswer, (await retried.ReadJsonAsync()).ToJsonString());
        Assert.Equal(firstETag, retried.ETag());
        Assert.Equal(12.50m, (await client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal());
        Assert.Equal(2, (await client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).AsArray().Count);
        Assert.Single((await client.GetJsonAsync("/accounts")).AsArray());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
