using System.Globalization;

namespace AltseasonLive.History.Series;

/// <summary>
/// Reads the bundled CSVs: a header line, comma-separated, no quoting, dates as yyyy-MM-dd (a longer timestamp is cut to
/// its first 10 characters), invariant-culture numbers. Empty cells are skipped.
/// </summary>
public static class DailyCsv
{
    public static DailySeries ReadSeries(string name, TextReader reader, string dateColumn = "date", string valueColumn = "close")
    {
        var points = new List<DailyPoint>();
        foreach (var row in ReadRows(reader, dateColumn, valueColumn))
        {
            if (row[1].Length > 0)
            {
                points.Add(new DailyPoint(ParseDate(row[0]), ParseDouble(row[1])));
            }
        }

        return new DailySeries(name, points);
    }

    /// <summary>Yields the requested columns of each data row, in the order asked.</summary>
    public static IEnumerable<string[]> ReadRows(TextReader reader, params string[] columns)
    {
        var header = reader.ReadLine() ?? throw new FormatException("CSV has no header line.");
        var names = header.Split(',');
        var indexes = columns.Select(c => Array.IndexOf(names, c) is var i and >= 0
            ? i
            : throw new FormatException($"CSV has no column '{c}' (has: {header}).")).ToArray();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var row = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                row[i] = indexes[i] < cells.Length ? cells[indexes[i]] : string.Empty;
            }

            yield return row;
        }
    }

    public static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
