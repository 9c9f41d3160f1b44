using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.History.Coins;

/// <summary>The panel's view of <see cref="CoinKindClassifier"/>, the one classification the index uses (by upper-case symbol).</summary>
public static class CoinClassifier
{
    public static CoinClass Classify(string symbol) => CoinKindClassifier.Classify(symbol) switch
    {
        CoinKind.Stablecoin => CoinClass.Stablecoin,
        CoinKind.WrappedOrStaked => CoinClass.WrappedOrStaked,
        CoinKind.AssetBacked => CoinClass.AssetBacked,
        _ => CoinClass.Coin,
    };
}
