using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// What the load generator learns from the server besides acks: its universe (<c>GET /api/universe</c>), its own
/// counters when it exposes <c>GET /api/stats</c>, and its resident memory from <c>/proc/PID/status</c> when the
/// process id is known (same machine).
/// </summary>
public sealed class ServerProbe(HttpClient http, int? serverPid)
{
    public const string StatsPath = "api/stats";

    /// <summary>False once <c>/api/stats</c> answered 404 (the api exposes no counters).</summary>
    public bool StatsAvailable { get; private set; } = true;

    /// <summary>The server's universe (class names <c>Coin</c>, <c>EquityIndex</c>, ...), in the server's order.</summary>
    public async Task<IReadOnlyList<ServerAsset>> GetAssetsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/universe", cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (!TryGet(document.RootElement, "assets", out var assets) || assets.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("GET /api/universe has no assets array.");
        }

        var list = new List<ServerAsset>();
        foreach (var asset in assets.EnumerateArray())
        {
            if (TryGet(asset, "symbol", out var symbol) && symbol.GetString() is { Length: > 0 } s)
            {
                var cls = TryGet(asset, "class", out var c) ? c.ToString() : "";
                double? supply = TryGet(asset, "supply", out var u) && u.ValueKind == JsonValueKind.Number && u.TryGetDouble(out var units) ? units : null;
                list.Add(new ServerAsset(s, cls, supply));
            }
        }

        return list;
    }

    /// <summary>The raw JSON of <c>GET /api/stats</c>, or null when the server does not expose it or it failed.</summary>
    public async Task<string?> TryGetStatsAsync(CancellationToken cancellationToken)
    {
        if (!StatsAvailable)
        {
            return null;
        }

        try
        {
            using var response = await http.GetAsync(StatsPath, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                StatsAvailable = false;
                return null;
            }

            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Server resident set size in bytes (VmRSS), or null without a readable /proc entry.</summary>
    public long? ReadResidentBytes()
    {
        if (serverPid is not { } pid)
        {
            return null;
        }

        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Server CPU time (user + system) so far, or null when the pid is unknown or gone.</summary>
    public TimeSpan? ReadCpuTime()
    {
        if (serverPid is not { } pid)
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
