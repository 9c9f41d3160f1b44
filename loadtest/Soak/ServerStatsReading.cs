using System.Text.Json;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// The figures a soak sample keeps from the server's <c>GET /api/stats</c> JSON. Properties are found by name at any
/// depth (case-insensitive), so the reading survives the endpoint moving a figure between sections: the GC heap
/// (<c>gcHeapBytes</c>, or a name with <c>gcHeap</c>/<c>heapSize</c>), the working set (<c>workingSet…</c>), hub
/// connections (a name ending in <c>connections</c>), the cumulative series updates dropped and coalesced for slow or
/// fast clients (<c>seriesDropped</c>/<c>seriesCoalesced</c>, else <c>dropped</c>/<c>coalesced</c>) and clients the
/// server dropped (<c>clientsDropped</c>). Memory is in bytes unless the name ends in <c>MiB</c> or <c>Mb</c>.
/// Null means the server did not report it.
/// </summary>
public sealed record ServerStatsReading(long? GcHeapBytes, long? WorkingSetBytes, long? Connections, long? Dropped, long? Coalesced, long? ClientsDropped)
{
    public static ServerStatsReading None { get; } = new(null, null, null, null, null, null);

    /// <summary>Reads the figures from raw stats JSON; <see cref="None"/> for null or malformed text.</summary>
    public static ServerStatsReading Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return None;
        }

        using (document)
        {
            var numbers = new List<(string Name, double Value)>();
            Collect(document.RootElement, numbers);
            return new ServerStatsReading(
                First(numbers, IsGcHeap),
                First(numbers, n => n.Contains("workingset", StringComparison.Ordinal)),
                Count(numbers, n => n.EndsWith("connections", StringComparison.Ordinal)),
                Count(numbers, n => n == "seriesdropped") ?? Count(numbers, n => n == "dropped"),
                Count(numbers, n => n == "seriescoalesced") ?? Count(numbers, n => n == "coalesced"),
                Count(numbers, n => n == "clientsdropped"));
        }
    }

    private static bool IsGcHeap(string name) =>
        (name.Contains("gcheap", StringComparison.Ordinal) || name.Contains("heapsize", StringComparison.Ordinal) || name == "heapbytes")
        && !name.Contains("fragment", StringComparison.Ordinal) && !name.Contains("committed", StringComparison.Ordinal)
        && !name.Contains("count", StringComparison.Ordinal);

    private static void Collect(JsonElement element, List<(string, double)> numbers)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var value))
                {
                    numbers.Add((property.Name.ToLowerInvariant(), value));
                }
                else
                {
                    Collect(property.Value, numbers);
                }
            }
        }
    }

    private static long? First(List<(string Name, double Value)> numbers, Func<string, bool> match)
    {
        foreach (var (name, value) in numbers)
        {
            if (match(name))
            {
                return ToBytes(name, value);
            }
        }

        return null;
    }

    private static long? Count(List<(string Name, double Value)> numbers, Func<string, bool> match)
    {
        foreach (var (name, value) in numbers)
        {
            if (match(name))
            {
                return (long)value;
            }
        }

        return null;
    }

    private static long ToBytes(string name, double value) =>
        name.EndsWith("mib", StringComparison.Ordinal) || name.EndsWith("mb", StringComparison.Ordinal)
            ? (long)(value * 1048576)
            : (long)value;
}
