using System.Globalization;
using System.Text;

namespace AltseasonLive.Testing;

/// <summary>
/// A seeded feed on daily bars from 2021-01-04: RUT, TOTAL3 and BTC in two requests a day (a mid-day revision, then
/// the close), TOTAL3 and BTC coupled to RUT, then moving against it, then coupled again (breakdowns, sign flips,
/// recouplings), and BTC.D drifting across the 55 % level. Every run produces the same requests.
/// </summary>
public static class DurabilityFeed
{
    public const long DayMs = 86_400_000;

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bars:BarSize"] = "1.00:00:00",
        ["Bars:LateTolerance"] = "1.00:00:00",
        ["Universe:Pairs:0:Anchor"] = "RUT",
        ["Universe:Pairs:0:Partner"] = "TOTAL3",
        ["Universe:Pairs:1:Anchor"] = "RUT",
        ["Universe:Pairs:1:Partner"] = "BTC",
        ["Universe:Windows:0"] = "10",
        ["Universe:Windows:1"] = "20",
        ["Universe:Windows:2"] = "60",
        ["Universe:Modes:0"] = "Returns",
        ["Universe:Modes:1"] = "Levels",
        ["Signals:Correlation:BandLookback"] = "20",
    };

    /// <summary>JSON bodies, one per request, in publishing order.</summary>
    public static IReadOnlyList<string> Requests(int days)
    {
        var random = new Random(20261123);
        var start = new DateTimeOffset(2021, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        double rut = 2000, total3 = 6e11, btc = 30000, btcD = 56.5;
        var requests = new List<string>(days * 2);
        for (var day = 0; day < days; day++)
        {
            var against = day is >= 80 and < 100 or >= 130 and < 140;
            foreach (var (hour, share) in new[] { (9, 0.5), (21, 0.5) })
            {
                var r = (random.NextDouble() - 0.5) * 0.03 * share;
                rut *= Math.Exp(r);
                total3 *= Math.Exp((against ? -r : r) + ((random.NextDouble() - 0.5) * 0.008 * share));
                btc *= Math.Exp((against ? -0.8 * r : 0.9 * r) + ((random.NextDouble() - 0.5) * 0.01 * share));
                btcD += ((random.NextDouble() - 0.5) * 0.5 * share) + (day < 60 ? -0.02 : day < 120 ? 0.02 : -0.015);
                var time = start + (day * DayMs) + (hour * 3_600_000L);
                var body = new StringBuilder("[");
                foreach (var (symbol, price) in new[] { ("RUT", rut), ("TOTAL3", total3), ("BTC", btc), ("BTC.D", btcD) })
                {
                    body.Append(CultureInfo.InvariantCulture, $$"""{"symbol":"{{symbol}}","time":{{time}},"price":{{price:R}}},""");
                }

                body.Length--;
                requests.Add(body.Append(']').ToString());
            }
        }

        return requests;
    }
}
