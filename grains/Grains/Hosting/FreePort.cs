using System.Net;
using System.Net.Sockets;

namespace AltseasonLive.Grains.Hosting;

/// <summary>
/// Asks the OS for free loopback TCP ports, so that in-process silos, test servers and benchmarks do not collide with a
/// running one. The one copy for every host, tool and test.
/// </summary>
public static class FreePort
{
    /// <summary>One free port (released again at once, so the caller binds it soon after).</summary>
    public static int One() => Next(1)[0];

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
