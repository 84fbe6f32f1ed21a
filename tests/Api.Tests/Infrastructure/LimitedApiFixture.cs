namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>
/// A gateway of its own with low rate limits and one allowed CORS origin, for the tests that prove the limits and
/// CORS work; the shared <see cref="ApiFixture"/> raises the limits so that no other test is throttled.
/// </summary>
public sealed class LimitedApiFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://budget.example";
    public const int TokenAttemptsPerUsername = 3;
    public const int SignupsPerUsername = 2;
    public const int LookupsPerClientAddress = 5;
    public const int WritesPerUser = 5;

    public NVelopesApiFactory Factory { get; } = new(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
    {
        Settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Token:PerUsername"] = TokenAttemptsPerUsername.ToString(),
            ["RateLimiting:Signup:PerUsername"] = SignupsPerUsername.ToString(),
            ["RateLimiting:UserExists:PerClientAddress"] = LookupsPerClientAddress.ToString(),
            ["RateLimiting:Writes:PerUser"] = WritesPerUser.ToString(),
            ["Cors:AllowedOrigins:0"] = AllowedOrigin,
        },
    };

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}
