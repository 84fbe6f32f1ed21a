using System.Net;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.Tests.Membership;

/// <summary>Membership entries for tests: a new silo address each time, times at whole seconds as a silo writes them.</summary>
internal static class MembershipEntries
{
    private static int _generation;

    public static SiloAddress NewSiloAddress(int port = 11111) =>
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), Interlocked.Increment(ref _generation));

    public static MembershipEntry New(SiloStatus status = SiloStatus.Joining, int proxyPort = 30000, DateTime? time = null)
    {
        var silo = NewSiloAddress();
        var at = time ?? WholeSeconds(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = silo,
            HostName = "host-a",
            SiloName = $"silo-{silo.Generation}",
            RoleName = "NVelopes.Silo",
            Status = status,
            ProxyPort = proxyPort,
            UpdateZone = 2,
            FaultZone = 3,
            StartTime = at,
            IAmAliveTime = at,
        };
    }

    public static DateTime WholeSeconds(DateTime time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
