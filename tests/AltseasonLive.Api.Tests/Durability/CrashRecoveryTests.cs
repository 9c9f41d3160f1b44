using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Durability;
using AltseasonLive.Testing;
using Microsoft.Data.Sqlite;

namespace AltseasonLive.Api.Tests.Durability;

/// <summary>
/// Crash recovery end to end: the api runs as a child process on SQLite state (checkpoints while publishing, a clean
/// stop), restarts and is SIGKILLed in the middle of the feed (a request in flight, 80 journaled batches after the last
/// checkpoint), restarts again on the same data folder, and the publisher continues from the position the api reports. Correlations and events must end exactly as in an
/// uninterrupted run, with event sequence numbers 1..N.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string StreamId = "durability-feed";
    private const int Days = 160;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "altseasonlive-durability-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Killing_the_api_mid_feed_and_restarting_it_ends_with_the_correlations_and_events_of_an_uninterrupted_run()
    {
        var requests = DurabilityFeed.Requests(Days);
        var settings = new Dictionary<string, string>(DurabilityFeed.Settings) { ["Durability:CheckpointInterval"] = "00:00:01.5" };

        MarketResult expected;
        await using (var api = await ApiProcess.StartAsync(Folder("uninterrupted"), settings))
        {
            using var client = api.CreateClient();
            for (var i = 0; i < requests.Count; i++)
            {
                await PublishAsync(client, i, requests[i]);
            }

            expected = await ReadAsync(client);
        }

        // First life: periodic checkpoints while publishing, then a clean stop (final checkpoint).
        var crashed = Folder("crashed");
        await using (var api = await ApiProcess.StartAsync(crashed, settings))
        {
            using var client = api.CreateClient();
            for (var i = 0; i < 150; i++)
            {
                await PublishAsync(client, i, requests[i]);
            }

            await WaitForCheckpointAfterStartAsync(crashed, api);
            await api.StopAsync();
        }

        // Second life: no periodic checkpoint, so everything published now is only in the journal when the kill comes.
        var killedAt = 230;
        var noCheckpoints = new Dictionary<string, string>(settings) { ["Durability:CheckpointInterval"] = "00:10:00" };
        await using (var api = await ApiProcess.StartAsync(crashed, noCheckpoints))
        {
            using var client = api.CreateClient();
            for (var i = 150; i < killedAt; i++)
            {
                await PublishAsync(client, i, requests[i]);
            }

            // The kill races this request: it may be journaled (and applied) or not; either way it is never acknowledged.
            var inFlight = PublishAsync(client, killedAt, requests[killedAt]);
            await api.KillAsync();
            await Task.WhenAny(inFlight);
        }

        var (checkpoint, journaled) = ReadDurableFiles(crashed);
        Assert.Equal(150, checkpoint);
        Assert.InRange(journaled, killedAt, killedAt + 1);

        MarketResult actual;
        await using (var api = await ApiProcess.StartAsync(crashed, settings))
        {
            using var client = api.CreateClient();
            var resumeAfter = (await client.GetFromJsonAsync<JsonElement>($"/api/ingest/streams/{StreamId}")).GetProperty("sequence").GetInt32();
            Assert.InRange(resumeAfter, killedAt - 1, killedAt);

            var resent = await PublishAsync(client, resumeAfter, requests[resumeAfter]);
            Assert.True(resent.Duplicate);
            Assert.Equal(0, resent.Accepted);

            for (var i = resumeAfter + 1; i < requests.Count; i++)
            {
                await PublishAsync(client, i, requests[i]);
            }

            actual = await ReadAsync(client);
        }

        Assert.True(expected.Events.Count >= 5, $"the feed should raise several events, got {expected.Events.Count}");
        Assert.Contains(expected.Events, e => e.Kind == "CorrelationBreakdown");
        Assert.Equal(Enumerable.Range(1, expected.Events.Count).Select(i => (long)i), expected.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, actual.Events.Count).Select(i => (long)i), actual.Events.Select(e => e.Sequence));
        Assert.Equal(expected.Events, actual.Events);
        JsonAssert.Equivalent(expected.Correlations, actual.Correlations, tolerance: 1e-9);
        JsonAssert.Equivalent(expected.Market, actual.Market, tolerance: 1e-9);
    }

    private string Folder(string name)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<Published> PublishAsync(HttpClient client, int sequence, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ticks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(PublisherStreams.StreamIdHeader, StreamId);
        request.Headers.Add(PublisherStreams.SequenceHeader, sequence.ToString(CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, summary.GetProperty("rejected").GetInt32());
        return new Published(summary.GetProperty("accepted").GetInt32(), response.Headers.Contains(PublisherStreams.DuplicateHeader));
    }

    private static async Task<MarketResult> ReadAsync(HttpClient client)
    {
        var events = new List<LoggedEvent>();
        long since = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/events?since={since}&max=1000");
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                events.Add(new LoggedEvent(e.GetProperty("sequence").GetInt64(), e.GetProperty("timeMs").GetInt64(), e.GetProperty("kind").GetString() ?? "", e.GetProperty("text").GetString() ?? ""));
            }

            if (!page.GetProperty("hasMore").GetBoolean() || events.Count == 0)
            {
                break;
            }

            since = events[^1].Sequence;
        }

        return new MarketResult(
            events,
            await client.GetFromJsonAsync<JsonElement>("/api/correlations?history=1000"),
            await client.GetFromJsonAsync<JsonElement>("/api/market"));
    }

    /// <summary>Waits until the api has committed a checkpoint after its start-up one (a journal segment beyond the first).</summary>
    private static async Task WaitForCheckpointAfterStartAsync(string dataFolder, ApiProcess api)
    {
        var journal = JournalFolder(dataFolder);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.EnumerateFiles(journal, "segment-*.log").Any(f => !f.EndsWith("segment-0000000001.log", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No checkpoint was committed:{Environment.NewLine}{api.Output}");
    }

    /// <summary>The committed checkpoint's journal position and the newest intact journal position, read from the files.</summary>
    private static (long Checkpoint, long Journaled) ReadDurableFiles(string dataFolder)
    {
        long checkpoint;
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "altseasonlive.db")};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Position FROM Checkpoint WHERE Id = 1";
            checkpoint = command.ExecuteScalar() is long position ? position : 0;
        }

        long journaled = 0;
        foreach (var file in Directory.EnumerateFiles(JournalFolder(dataFolder), "segment-*.log").Order(StringComparer.Ordinal))
        {
            var data = File.ReadAllBytes(file);
            var offset = 0;
            while (JournalCodec.TryRead(data.AsSpan(offset), out var consumed, out var batch, out _))
            {
                offset += consumed;
                journaled = Math.Max(journaled, batch?.Position ?? 0);
            }
        }

        return (checkpoint, journaled);
    }

    private static string JournalFolder(string dataFolder) => Path.Combine(dataFolder, "altseasonlive.db.journal");

    private sealed record Published(int Accepted, bool Duplicate);

    private sealed record LoggedEvent(long Sequence, long TimeMs, string Kind, string Text);

    private sealed record MarketResult(List<LoggedEvent> Events, JsonElement Correlations, JsonElement Market);
}
