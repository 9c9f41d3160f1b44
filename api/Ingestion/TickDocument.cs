namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Documentation shape of one published tick (the parser reads items one by one, see <see cref="TickParser"/>).
/// <see cref="Time"/> is ISO 8601 UTC text or a number of UTC epoch milliseconds.
/// </summary>
public sealed record TickDocument(string Symbol, string Time, double Price, double? MarketCap, double? Supply);
