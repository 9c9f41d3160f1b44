namespace AltseasonLive.Api.Ingestion;

/// <summary>How much of a refused value a rejection repeats: enough to recognise it, never the whole of a 4 MiB symbol.</summary>
public static class EchoText
{
    /// <summary>Characters of a value echoed back, before an ellipsis.</summary>
    public const int MaxLength = 40;

    public static string? Clip(string? value) =>
        value is null || value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}
