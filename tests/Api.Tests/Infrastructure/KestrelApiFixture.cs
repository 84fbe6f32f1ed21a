using System.Net;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>
/// One gateway on a real Kestrel listener for the whole <see cref="KestrelApiCollection"/>: the tests that send raw
/// bytes (malformed chunked bodies, duplicate framing headers) need Kestrel's HTTP parser, which the in-memory test
/// server of <see cref="ApiFixture"/> does not have.
/// </summary>
public sealed class KestrelApiFixture : IAsyncLifetime
{
    public NVelopesApiFactory Factory { get; } =
        new(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey());

    /// <summary>Where Kestrel listens: a free port on the loopback interface.</summary>
    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        EndPoint = new IPEndPoint(IPAddress.Loopback, Factory.ClientOptions.BaseAddress.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}
