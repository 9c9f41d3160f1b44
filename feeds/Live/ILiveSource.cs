namespace AltseasonLive.Feeds.Live;

/// <summary>
/// One live market-data source behind one small contract (after Lean's <c>IDataQueueHandler</c>): it connects,
/// subscribes to its configured symbols and keeps itself alive in <see cref="RunAsync"/>, reports its
/// <see cref="Health"/>, and fills daily history in <see cref="BackfillAsync"/>. The rest of the product never sees a socket.
/// </summary>
public interface ILiveSource
{
    /// <summary>The source label its ticks carry (<c>binance</c>, <c>coinbase</c>, <c>coingecko</c>, <c>yahoo</c>).</summary>
    string Name { get; }

    SourceHealth Health { get; }

    /// <summary>Connects, subscribes and publishes ticks until cancelled, reconnecting on its own; returns at once when disabled.</summary>
    Task RunAsync(ITickSink sink, CancellationToken cancellationToken);

    /// <summary>Publishes one daily close per symbol and UTC day from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    Task<BackfillReport> BackfillAsync(DateOnly from, DateOnly to, ITickSink sink, CancellationToken cancellationToken);
}
