using System.Globalization;

namespace AltseasonLive.Api.Tests.Fuzz;

/// <summary>
/// A seeded random walk of valid ticks: round r holds one tick per symbol inside bar r (bars of <see cref="BarSizeMs"/>
/// UTC epoch ms starting at <see cref="StartMs"/>), so every round closes the previous bar of every symbol.
/// Each tick is kept as the JSON text that is sent, so two servers get byte-identical valid items.
/// </summary>
public sealed class ValidTickStream
{
    /// <summary>BTC.D is supplied, as a feed would, so that a hostile ETH.D can be inconsistent with it.</summary>
    public static readonly string[] Symbols = ["RUT", "SPX", "BTC", "ETH", "USDT", "XRP", "BNB", "SOL", "DOGE", "ADA", "BTC.D"];

    private static readonly double[] StartPrices = [2400, 6800, 91000, 3100, 1, 2.1, 900, 180, 0.2, 0.7, 57];

    public ValidTickStream(Random random, long startMs, long barSizeMs, int rounds)
    {
        StartMs = startMs;
        BarSizeMs = barSizeMs;
        var prices = (double[])StartPrices.Clone();
        var result = new List<IReadOnlyList<ValidTick>>(rounds);
        for (var r = 0; r < rounds; r++)
        {
            var round = new List<ValidTick>(Symbols.Length);
            for (var s = 0; s < Symbols.Length; s++)
            {
                prices[s] *= Math.Exp((random.NextDouble() - 0.5) * 0.04);
                var time = startMs + (r * barSizeMs) + random.NextInt64(barSizeMs);
                var price = Math.Round(prices[s], 6).ToString("R", CultureInfo.InvariantCulture);
                var timeText = random.Next(2) == 0
                    ? time.ToString(CultureInfo.InvariantCulture)
                    : $"\"{DateTimeOffset.FromUnixTimeMilliseconds(time):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"";
                var symbol = random.Next(4) == 0 ? Symbols[s].ToLowerInvariant() : Symbols[s];
                round.Add(new ValidTick(Symbols[s], time, Math.Round(prices[s], 6), $$"""{"symbol":"{{symbol}}","time":{{timeText}},"price":{{price}}}"""));
            }

            result.Add(round);
        }

        Rounds = result;
    }

    public long StartMs { get; }

    public long BarSizeMs { get; }

    public IReadOnlyList<IReadOnlyList<ValidTick>> Rounds { get; }
}

/// <summary>One valid tick: its symbol, UTC epoch ms, price and the exact JSON text sent.</summary>
public sealed record ValidTick(string Symbol, long TimeMs, double Price, string Json);
