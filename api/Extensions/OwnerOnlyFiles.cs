using System.Runtime.InteropServices;

namespace AltseasonLive.Api.Extensions;

/// <summary>
/// Files the process creates (SQLite database, its WAL and journal, the tick journal, the generated key) are readable
/// by their owner only (0600, folders 0700): the process umask is set to 077 at start-up, on Unix.
/// </summary>
public static partial class OwnerOnlyFiles
{
    private const uint OwnerOnlyMask = 0x3F; // 077: no group or other bits

    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            _ = Umask(OwnerOnlyMask);
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
