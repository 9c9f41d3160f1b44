using System.Globalization;
using AltseasonLive.History;
using AltseasonLive.Statistics;

namespace AltseasonLive.Silo.Cli;

/// <summary>Turns option text into values, with errors that say what is valid.</summary>
public static class CliInput
{
    public const string DateFormat = "yyyy-MM-dd";

    public static DateOnly? Date(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option}: '{text}' is not a date; use the format {DateFormat} (e.g. 2021-03-31).");
    }

    public static string Symbol(string text, string option)
    {
        var match = HistorySymbols.All.FirstOrDefault(s => string.Equals(s, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? throw new CliException($"{option}: unknown symbol '{text}'. Valid symbols: {string.Join(", ", HistorySymbols.All)}.");
    }

    public static CorrelationMode Mode(string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            "returns" => CorrelationMode.Returns,
            "levels" => CorrelationMode.Levels,
            _ => throw new CliException($"--mode: '{text}' is not a mode; use returns or levels."),
        };

    public static void Range(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new CliException($"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}.");
        }
    }

    public static string Number(double? value, string format = "R") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Creates the output file's folder and opens it for writing (UTF-8, LF line ends).</summary>
    public static StreamWriter CreateOutput(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new StreamWriter(full) { NewLine = "\n" };
    }
}
