using System.Net;
using System.Net.Sockets;

namespace AltseasonLive.Silo.Hosting;

/// <summary>Asks the OS for a free loopback TCP port, so in-process silos do not collide with a running one.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
