namespace AltseasonLive.Statistics;

/// <summary>Rejects inputs that would poison running sums for the life of the process (NaN, infinities, non-positive prices for log returns).</summary>
internal static class PriceGuard
{
    public static void Check(double price, CorrelationMode mode, string name)
    {
        if (!double.IsFinite(price) || (mode == CorrelationMode.Returns && price <= 0))
        {
            throw new ArgumentOutOfRangeException(name, price, mode == CorrelationMode.Returns
                ? "Price must be finite and positive to take log returns."
                : "Price must be finite.");
        }
    }

    public static void CheckPositive(double price, string name)
    {
        if (!double.IsFinite(price) || price <= 0)
        {
            throw new ArgumentOutOfRangeException(name, price, "Price must be finite and positive to take log returns.");
        }
    }
}
