namespace AltseasonLive.Api.Operations;

/// <summary>
/// Section <c>Operations</c>: operator keys for the Orleans Dashboard at <c>/orleans</c> (grain counts, calls, silos).
/// With no key the dashboard is off (not even registered in the silo).
/// </summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>Secrets an operator presents (header <c>X-Operator-Key</c>, or once as <c>/orleans?key=...</c> in a browser).</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>True when at least one non-blank key is configured.</summary>
    public bool DashboardEnabled => AnyKey(Keys);

    /// <summary>True when <paramref name="keys"/> holds at least one non-blank key.</summary>
    public static bool AnyKey(IEnumerable<string>? keys) => keys?.Any(k => !string.IsNullOrWhiteSpace(k)) == true;
}
