using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// Ticks for RUT and TOTAL3 on one-minute bars in the recent past: a long coupled stretch (TOTAL3 returns follow RUT's
/// with a little noise), then bars where TOTAL3 moves against RUT, which breaks the short window down while the long
/// window still holds. Seeded, so every run publishes the same prices.
/// </summary>
public sealed class BreakdownScenario
{
    public const long BarMs = 60_000;

    private readonly Random _random = new(20260204);
    private readonly long _startMs;
    private double _rut = 2300;
    private double _total3 = 9.5e11;
    private readonly List<(long BarStartMs, double Rut, double Total3)> _published = [];
    private int _bar;

    public BreakdownScenario(int totalBars) =>
        _startMs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / BarMs - totalBars - 2) * BarMs;

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Feeds:Mode"] = "Off",
        ["Bars:BarSize"] = TimeSpan.FromMilliseconds(BarMs).ToString("c", CultureInfo.InvariantCulture),
        ["Universe:Pairs:0:Anchor"] = "RUT",
        ["Universe:Pairs:0:Partner"] = "TOTAL3",
        ["Universe:Windows:0"] = "10",
        ["Universe:Windows:1"] = "20",
        ["Universe:Windows:2"] = "60",
        ["Universe:Modes:0"] = "Returns",
        ["Universe:Modes:1"] = "Levels",
        ["Signals:Correlation:BandLookback"] = "20",
    };

    /// <summary>Every bar published so far (bar start UTC ms, the RUT and TOTAL3 prices), oldest first.</summary>
    public IReadOnlyList<(long BarStartMs, double Rut, double Total3)> Published => _published;

    /// <summary>Publishes <paramref name="bars"/> bars; <paramref name="coupled"/> false makes TOTAL3 move against RUT.</summary>
    public async Task PublishAsync(HttpClient client, int bars, bool coupled)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < bars; i++, _bar++)
        {
            var r = (_random.NextDouble() - 0.5) * 0.02;
            var noise = (_random.NextDouble() - 0.5) * 0.006;
            _rut *= Math.Exp(r);
            _total3 *= Math.Exp((coupled ? r : -r) + noise);
            var time = _startMs + _bar * BarMs + 1_000;
            _published.Add((_startMs + _bar * BarMs, _rut, _total3));
            body.Append(CultureInfo.InvariantCulture, $$"""{"symbol":"RUT","time":{{time}},"price":{{_rut:R}}},""");
            body.Append(CultureInfo.InvariantCulture, $$"""{"symbol":"TOTAL3","time":{{time}},"price":{{_total3:R}}},""");
        }

        body.Length--;
        body.Append(']');
        using var response = await client.PostAsync("/api/ticks", new StringContent(body.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var summary = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        if (summary.GetProperty("rejected").GetInt32() != 0)
        {
            throw new InvalidOperationException($"Scenario ticks were rejected: {summary}");
        }
    }
}
