using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

/// <summary>Hand-made soak samples for the verdict and output tests.</summary>
internal static class Samples
{
    public static LoadSample At(double seconds, double? rssMiB, double? gcHeapMiB = null, double acceptedPerSecond = 1000, int index = 0) => new()
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
    public static List<LoadSample> EveryMinute(int minutes, Func<int, double?> rssMiB, Func<int, double?>? gcHeapMiB = null) =>
        Enumerable.Range(1, minutes).Select(m => At(m * 60, rssMiB(m), gcHeapMiB?.Invoke(m), index: m)).ToList();

    public static SoakErrors NoErrors { get; } = new(0, 0, 0, 0, 0);

    /// <summary>A ten-minute sampled run at 1,000 ticks/s on one node without <c>GET /api/stats</c>, carrying <paramref name="samples"/>.</summary>
    public static LoadSummary Summary(IReadOnlyList<LoadSample> samples) => new()
    {
        Urls = ["http://127.0.0.1:5080/"],
        Transport = "WebSocket",
        Publishers = 2,
        TargetRate = 1000,
        Batch = 100,
        Symbols = 8,
        Seed = 1,
        Topics = ["asset:BTC"],
        WarmupSeconds = 0,
        MeasuredSeconds = 600,
        TicksSent = 600_000,
        TicksAcknowledged = 600_000,
        TicksAccepted = 600_000,
        TicksRejected = 0,
        BatchesSent = 6_000,
        BatchesAcknowledged = 6_000,
        PublishErrors = 0,
        SentPerSecond = 1000,
        AcceptedPerSecond = 1000,
        AckLatency = LatencySummary.Empty,
        TickToClientLatency = LatencySummary.Empty,
        LatencyOutOfRange = 0,
        Subscribers = new SubscriberSummary(2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        GeneratorCpuCores = 0.1,
        Nodes =
        [
            new NodeSummary(
                "http://127.0.0.1:5080/", 2, 600_000, 600_000, 0, 0, 1000, 2, 2, 0, 0, 0, LatencySummary.Empty, LatencySummary.Empty,
                new ServerSummary(false, null, null, null, null, null, null), null),
        ],
        Samples = samples,
    };
}
