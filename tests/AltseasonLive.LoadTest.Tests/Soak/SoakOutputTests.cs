using System.Text.Json;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

public sealed class SoakOutputTests
{
    private static SoakReport Report(List<SoakSample> samples) => new()
    {
        Url = "http://127.0.0.1:5080/",
        Transport = "WebSocket",
        TargetRate = 1000,
        Publishers = 2,
        Batch = 100,
        Subscribers = 2,
        Symbols = 8,
        DurationSeconds = 600,
        SampleIntervalSeconds = 60,
        StartedUtc = DateTimeOffset.UnixEpoch,
        MeasuredSeconds = 600,
        TicksSent = 600_000,
        TicksAccepted = 600_000,
        AcceptedPerSecond = 1000,
        AckLatency = LatencySummary.Empty,
        TickToClientLatency = LatencySummary.Empty,
        StatsEndpointAvailable = false,
        Samples = samples,
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

        Assert.Equal(10, root.GetProperty("samples").GetArrayLength());
        var first = root.GetProperty("samples")[0];
        Assert.Equal(60, first.GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(300, first.GetProperty("serverResidentMiB").GetDouble());
        Assert.Equal(20, first.GetProperty("tickToClient").GetProperty("p99Ms").GetDouble());
        var verdict = root.GetProperty("verdict");
        Assert.True(verdict.GetProperty("passed").GetBoolean());
        Assert.Equal(0, verdict.GetProperty("resident").GetProperty("slopeMiBPerHour").GetDouble());
        Assert.Equal(300, verdict.GetProperty("windowFromSeconds").GetDouble());
    }
}
