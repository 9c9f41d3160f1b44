using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Configuration;

/// <summary>One configured symbol. <see cref="Supply"/> is in units (coins); price x supply gives the market cap in USD when a feed sends none.</summary>
public sealed class AssetOptions
{
    public string Symbol { get; set; } = "";

    public AssetClass Class { get; set; } = AssetClass.Coin;

    public double? Supply { get; set; }

    public string? Name { get; set; }
}
