using System.Net;
using System.Net.Sockets;

namespace AltseasonLive.Silo.Hosting;

/// <summary>Asks the OS for free loopback TCP ports, so in-process silos do not collide with a running one.</summary>
public static class FreePort
{
    /// <summary><paramref name="count"/> distinct ports, all held open together while chosen.</summary>
    public static int[] Next(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
