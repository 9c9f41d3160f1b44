namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Open-loop pacing for one publisher: how many ticks are due after a given elapsed time at a fixed rate (ticks per
/// second), and when a given count falls due. Ticks not sent in time stay due, so a publisher that falls behind catches up
/// as fast as it can and the achieved rate shows the shortfall.
/// </summary>
public sealed class RatePacer
{
    public RatePacer(double ticksPerSecond)
    {
        if (!(ticksPerSecond > 0) || double.IsInfinity(ticksPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ticksPerSecond), ticksPerSecond, "The rate must be positive and finite.");
        }

        TicksPerSecond = ticksPerSecond;
    }

    public double TicksPerSecond { get; }

    /// <summary>Ticks due in total after <paramref name="elapsed"/> since the start.</summary>
    public long DueBy(TimeSpan elapsed) => elapsed <= TimeSpan.Zero ? 0 : (long)Math.Floor(TicksPerSecond * elapsed.TotalSeconds);

    /// <summary>Elapsed time at which the <paramref name="count"/>-th tick falls due.</summary>
    public TimeSpan DueAt(long count) => count <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(count / TicksPerSecond);

    /// <summary>
    /// How long to wait before the next send when <paramref name="sent"/> ticks are out: until a full batch is due, but never
    /// longer than <paramref name="linger"/> after the previous send when at least one tick is due by then.
    /// </summary>
    public TimeSpan Wait(TimeSpan elapsed, long sent, int batch, TimeSpan lastSend, TimeSpan linger)
    {
        var fullBatch = DueAt(sent + batch);
        var firstTick = DueAt(sent + 1);
        var lingerEnd = lastSend + linger;
        var target = fullBatch <= lingerEnd ? fullBatch : (firstTick > lingerEnd ? firstTick : lingerEnd);
        var wait = target - elapsed;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
