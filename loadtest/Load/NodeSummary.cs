namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One node's part of a run over the measured period: the publishers and subscribers dealt to it and what they counted
/// (ticks; updates received by all its subscribers; tick-to-client latency of its tracked ones and ack latency, ms),
/// and what the node itself reported (<see cref="Server"/>; <see cref="ServerMeasured"/> is null without
/// <c>GET /api/stats</c>).
/// </summary>
public sealed record NodeSummary(
    string Url,
    int Publishers,
    long TicksSent,
    long TicksAccepted,
    long TicksRejected,
    long PublishErrors,
    double AcceptedPerSecond,
    int Subscribers,
    int SubscribersConnected,
    int ConnectFailures,
    int SubscribersDropped,
    long UpdatesReceived,
    LatencySummary TickToClientLatency,
    LatencySummary AckLatency,
    ServerSummary Server,
    ServerMeasured? ServerMeasured);
