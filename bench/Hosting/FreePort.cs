using System.Net;
using System.Net.Sockets;

namespace NVelopes.Bench.Hosting;

internal static class FreePort
{
    /// <summary>A loopback TCP port nobody listens on right now (the silo's ports; Kestrel binds port 0 itself).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
