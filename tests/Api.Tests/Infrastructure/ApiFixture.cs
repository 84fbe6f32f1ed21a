namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>One running gateway for the whole <see cref="ApiCollection"/>, on a data directory of its own.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public NVelopesApiFactory Factory { get; } =
        new(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey());

    public Task InitializeAsync()
    {
        _ = Factory.Server; // start the host (and its silo) once, before the first test
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}
