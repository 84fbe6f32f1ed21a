using System.Net;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// Secrets stay secret: no password, token, idempotency key or signing key in any log line, even at debug level,
/// and a login for an unknown user costs what a wrong password costs.
/// </summary>
public sealed class CredentialsTests(CredentialsFixture fixture) : IClassFixture<CredentialsFixture>
{
    private NVelopesApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task SignUpLogInAndUse_NeverLogPasswordsTokensKeysOrTheSigningKey()
    {
        var password = "s3cret-" + Guid.NewGuid().ToString("N");
        var wrongPassword = "wr0ng-" + Guid.NewGuid().ToString("N");
        var username = "logs" + Guid.NewGuid().ToString("N")[..8];
        var idempotencyKey = RetryRequests.NewKey();
        var client = Factory.CreateClient();

        using (var signup = await client.PostJsonAsync("/users/signup", new { full_name = "Log Test", username, email = "l@example.com", password }))
            await signup.ReadJsonAsync();
        using (var wrong = await client.PostAsync("/token", ApiUsers.TokenForm(username, wrongPassword)))
            await wrong.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var token = await Factory.LogInAsync(username, password);
        var user = Factory.CreateClient(token);
        using (var opened = await user.PostJsonAsync("/accounts/new", new { name = "Logged", opening_balance = 1.00m }, idempotencyKey))
            await opened.ReadJsonAsync();
        using (var forged = await Factory.CreateClient(Tokens.ResignedWithOtherKey(token)).GetAsync("/accounts"))
            await forged.ReadProblemAsync(HttpStatusCode.Unauthorized);

        var lines = fixture.Logs.Lines.ToList();
        Assert.True(lines.Count > 10, $"Too few log lines captured ({lines.Count}) for the test to mean anything.");
        foreach (var secret in new[] { password, wrongPassword, token, token.Split('.')[2], idempotencyKey, Factory.SigningKey })
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_ForUnknownUser_StillRunsThePasswordHasher()
    {
        var client = Factory.CreateClient();
        var before = fixture.Hasher.Verifications;

        using var response = await client.PostAsync("/token", ApiUsers.TokenForm("nobody" + Guid.NewGuid().ToString("N")[..8], "some-password"));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before + 1, fixture.Hasher.Verifications);
    }
}
