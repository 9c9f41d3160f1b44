namespace AltseasonLive.LoadTest.Load;

/// <summary>One asset of the server's universe (<c>GET /api/universe</c>): class name and configured supply (units), if any.</summary>
public sealed record ServerAsset(string Symbol, string Class, double? Supply);
