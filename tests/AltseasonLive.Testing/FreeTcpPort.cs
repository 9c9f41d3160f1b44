using System.Net;
using System.Net.Sockets;

namespace AltseasonLive.Testing;

/// <summary>Free TCP ports on 127.0.0.1, taken from the operating system (bound to port 0, then released).</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
