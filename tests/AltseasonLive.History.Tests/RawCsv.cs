using System.Globalization;

namespace AltseasonLive.History.Tests;

/// <summary>Parses a bundled CSV's text independently of the product's loader: date -> value of one column.</summary>
public static class RawCsv
{
    public static SortedDictionary<DateOnly, double> Column(string text, string dateColumn, string valueColumn)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var d = Array.IndexOf(header, dateColumn);
        var v = Array.IndexOf(header, valueColumn);
        var result = new SortedDictionary<DateOnly, double>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells[v].Length > 0)
            {
                result[DateOnly.Parse(cells[d][..10], CultureInfo.InvariantCulture)] = double.Parse(cells[v], CultureInfo.InvariantCulture);
            }
        }

        return result;
    }
}
