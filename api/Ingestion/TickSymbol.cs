namespace AltseasonLive.Api.Ingestion;

/// <summary>The symbol syntax the api accepts from clients (e.g. <c>BTC</c>, <c>BTC.D</c>, <c>TOTAL3</c>): 1-24 letters, digits, '.', '-' or '_'.</summary>
public static class TickSymbol
{
    public const int MaxLength = 24;

    public static bool IsValid(ReadOnlySpan<char> symbol)
    {
        if (symbol.IsEmpty || symbol.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in symbol)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
