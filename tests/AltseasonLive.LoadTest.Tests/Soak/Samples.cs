using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

/// <summary>Hand-made soak samples for the verdict and output tests.</summary>
internal static class Samples
{
    public static SoakSample At(double seconds, double? rssMiB, double? gcHeapMiB = null, double acceptedPerSecond = 1000, int index = 0) => new()
    {
        Index = index,
        ElapsedSeconds = seconds,
        IntervalSeconds = 60,
        SentPerSecond = acceptedPerSecond,
        AcceptedPerSecond = acceptedPerSecond,
        TicksRejected = 0,
        PublishErrors = 0,
        TickToClient = new LatencySummary(100, 5, 20, 30, 40, 6),
        ClientUpdatesPerSecond = 50,
        SubscribersConnected = 2,
        SubscribersDropped = 0,
        ServerResidentMiB = rssMiB,
        ServerGcHeapMiB = gcHeapMiB,
        GeneratorCpuCores = 0.1,
    };

    /// <summary>One sample a minute for <paramref name="minutes"/> minutes, memory given by minute.</summary>
    public static List<SoakSample> EveryMinute(int minutes, Func<int, double?> rssMiB, Func<int, double?>? gcHeapMiB = null) =>
        Enumerable.Range(1, minutes).Select(m => At(m * 60, rssMiB(m), gcHeapMiB?.Invoke(m), index: m)).ToList();

    public static SoakErrors NoErrors { get; } = new(0, 0, 0, 0, 0);
}
