using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AltseasonLive.Silo.Cli;

/// <summary>
/// Every CSV the CLI writes goes through CsvHelper: RFC 4180 quoting (a field with a comma, quote or line break is
/// quoted), invariant culture, LF line ends.
/// </summary>
public static class CsvOutput
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>A CSV writer over <paramref name="writer"/>; disposing it disposes the writer unless <paramref name="leaveOpen"/>.</summary>
    public static CsvWriter Open(TextWriter writer, bool leaveOpen = false) => new(writer, Configuration, leaveOpen);

    /// <summary>Writes one record of text fields and ends it.</summary>
    public static void Row(this CsvWriter csv, params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }
}
