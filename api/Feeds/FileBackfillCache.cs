using System.Text.Json;
using AltseasonLive.Api.Extensions;
using AltseasonLive.Feeds.Live;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Feeds;

/// <summary>
/// The backfilled daily closes as one JSON file per source under the data folder (<c>backfill/&lt;source&gt;.json</c>):
/// symbol, UTC epoch ms, price (USD or percent), market cap (USD, optional).
/// </summary>
public sealed class FileBackfillCache(IOptions<DataFolderOptions> data) : IBackfillCache
{
    public async Task<IReadOnlyList<Tick>> LoadAsync(string source, CancellationToken cancellationToken)
    {
        var path = PathOf(source);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            await using var file = File.OpenRead(path);
            var rows = await JsonSerializer.DeserializeAsync<CachedClose[]>(file, cancellationToken: cancellationToken).ConfigureAwait(false) ?? [];
            return rows.Select(r => new Tick(r.Symbol, r.TimeMs, r.Price, r.MarketCap, Source: source)).OrderBy(t => t.TimeMs).ToArray();
        }
        catch (JsonException)
        {
            // A damaged cache is refetched.
            return [];
        }
    }

    public async Task SaveAsync(string source, IReadOnlyList<Tick> ticks, CancellationToken cancellationToken)
    {
        var path = PathOf(source);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(file, ticks.Select(t => new CachedClose(t.Symbol, t.TimeMs, t.Price, t.MarketCap)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string source) => Path.Combine(data.Value.ResolveFolder(), "backfill", source + ".json");

    private sealed record CachedClose(string Symbol, long TimeMs, double Price, double? MarketCap);
}
