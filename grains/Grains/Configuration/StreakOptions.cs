namespace AltseasonLive.Grains.Configuration;

/// <summary>A relative-strength watch: consecutive sessions <see cref="Symbol"/> beats <see cref="Benchmark"/>.</summary>
public sealed class StreakOptions
{
    public string Symbol { get; set; } = "";

    public string Benchmark { get; set; } = "";
}
