using System.Text.Json;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

public sealed class SoakOutputTests
{
    private static SoakReport Report(List<LoadSample> samples) => new()
    {
        Load = Samples.Summary(samples),
        DurationSeconds = 600,
        SampleIntervalSeconds = 60,
        StartedUtc = DateTimeOffset.UnixEpoch,
        Verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null),
    };

    [Fact]
    public void Csv_has_a_header_a_row_per_sample_and_the_verdict_as_comments()
    {
        var samples = Samples.EveryMinute(10, m => 300 + m, m => m == 5 ? null : 100);

        var lines = SoakCsv.Format(Report(samples)).TrimEnd('\n').Split('\n');

        var columns = SoakCsv.Header.Split(',');
        Assert.Equal(SoakCsv.Header, lines[0]);
        var rows = lines.Skip(1).TakeWhile(l => !l.StartsWith('#')).ToList();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal(columns.Length, r.Split(',').Length));
        var fifth = rows[4].Split(',');
        Assert.Equal("305", fifth[Array.IndexOf(columns, "server_rss_mib")]);
        Assert.Equal("", fifth[Array.IndexOf(columns, "server_gc_heap_mib")]);
        Assert.Equal("300", fifth[Array.IndexOf(columns, "elapsed_s")]);
        Assert.StartsWith("# verdict: failed", lines[11], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("# rss: slope 60 MiB/h", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_the_samples_and_the_verdict()
    {
        var samples = Samples.EveryMinute(10, _ => 300);

        using var document = JsonDocument.Parse(SummaryJson.Serialize(Report(samples)));
        var root = document.RootElement;

        var samplesJson = root.GetProperty("load").GetProperty("samples");
        Assert.Equal(10, samplesJson.GetArrayLength());
        Assert.False(root.TryGetProperty("samples", out _), "the samples are written once, with the load run");
        var first = samplesJson[0];
        Assert.Equal(60, first.GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(300, first.GetProperty("serverResidentMiB").GetDouble());
        Assert.Equal(20, first.GetProperty("tickToClient").GetProperty("p99Ms").GetDouble());
        var verdict = root.GetProperty("verdict");
        Assert.True(verdict.GetProperty("passed").GetBoolean());
        Assert.Equal(0, verdict.GetProperty("resident").GetProperty("slopeMiBPerHour").GetDouble());
        Assert.Equal(300, verdict.GetProperty("windowFromSeconds").GetDouble());
    }
}
