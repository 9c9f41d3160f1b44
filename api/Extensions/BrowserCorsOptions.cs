namespace AltseasonLive.Api.Extensions;

/// <summary>
/// Origins allowed to read the api and open the hub from another site (configuration section <c>Cors</c>, e.g.
/// <c>Cors:Origins:0=https://desk.example</c>). Empty = same origin only. Ingestion endpoints never allow CORS.
/// </summary>
public sealed class BrowserCorsOptions
{
    public const string SectionName = "Cors";

    public const string PolicyName = "BrowserRead";

    public List<string> Origins { get; set; } = [];
}
