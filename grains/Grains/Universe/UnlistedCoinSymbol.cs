namespace AltseasonLive.Grains.Universe;

/// <summary>
/// The shape of a product symbol for a coin outside the configured universe (a market-cap feed's top 250): 1 to 24
/// upper-case letters, digits, '-' or '_' (e.g. "SPX6900", "BSC-USD", "FIGR_HELOC"). Dots are left to the configured
/// series (BTC.D), and lower case to nothing, so that an unlisted coin cannot pass for one of them.
/// </summary>
public static class UnlistedCoinSymbol
{
    public const int MaxLength = 24;

    public static bool IsValid(string? symbol)
    {
        if (string.IsNullOrEmpty(symbol) || symbol.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in symbol)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
