using Microsoft.Extensions.Options;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>Where the token signing key comes from, per environment.</summary>
public sealed class SigningKeyTests : IDisposable
{
    private readonly string _dataDirectory = NVelopesApiFactory.NewDataDirectory();

    [Fact]
    public async Task Development_WithoutKey_GeneratesOneOnce_KeepsItInTheDataDirectory_AndTokensSurviveARestart()
    {
        string token, accountId;
        await using (var first = new NVelopesApiFactory(_dataDirectory, signingKey: null))
        {
            var user = await first.SignUpAndLogInAsync();
            (token, accountId) = (user.Token, await user.OpenAccountAsync());
        }
        var keyFile = Path.Combine(_dataDirectory, "jwt-signing.key");
        Assert.True(File.Exists(keyFile));
        var key = await File.ReadAllTextAsync(keyFile);
        Assert.True(key.Trim().Length >= 32);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        await using var second = new NVelopesApiFactory(_dataDirectory, signingKey: null);
        var account = await second.CreateClient(token).GetJsonAsync($"/accounts/{accountId}");

        Assert.Equal(accountId, account["account_id"]!.GetValue<string>());
        Assert.Equal(key, await File.ReadAllTextAsync(keyFile));
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("only-31-bytes-long-0123456789ab", "too short")]
    public async Task Production_WithoutAStrongKey_RefusesToStart_NamingTheSetting(string? key, string reason)
    {
        await using var factory = new NVelopesApiFactory(_dataDirectory, key, environment: "Production");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Jwt:SigningKey", failure.Message);
        Assert.Contains(reason, failure.Message);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "jwt-signing.key")));
        if (key is not null) Assert.DoesNotContain(key, failure.Message);
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
