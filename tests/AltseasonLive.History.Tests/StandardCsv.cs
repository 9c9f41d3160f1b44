using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AltseasonLive.History.Tests;

/// <summary>Reads a CSV file with CsvHelper as a strict RFC 4180 reader would: every record, header first, fields unquoted.</summary>
public static class StandardCsv
{
    public static IReadOnlyList<string[]> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Mode = CsvMode.RFC4180, BadDataFound = null });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record ?? []);
        }

        return rows;
    }
}
