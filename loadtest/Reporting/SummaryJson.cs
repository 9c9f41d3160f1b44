using System.Text.Json;

namespace AltseasonLive.LoadTest.Reporting;

/// <summary>Writes summaries as indented camelCase JSON (the <c>--json FILE</c> output).</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize<T>(T summary) => JsonSerializer.Serialize(summary, Options);

    public static async Task WriteAsync<T>(T summary, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, Serialize(summary) + "\n", cancellationToken);
    }
}
