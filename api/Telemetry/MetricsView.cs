using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AltseasonLive.Api.Telemetry;

/// <summary>
/// The product's own instruments (meters named <c>AltseasonLive.*</c> created by this host's <see cref="IMeterFactory"/>)
/// read back in process through a <see cref="MeterListener"/>, so that <c>GET /api/stats</c> shows the same counters as
/// <c>/metrics</c> and <c>dotnet-counters</c> instead of keeping a second set. Counters are summed since start (and per
/// value of their first tag); histograms keep count, sum and maximum since the last <see cref="TakeWindow"/>.
/// Measurements of other hosts in the same process (tests) are ignored: their meters have another scope.
/// </summary>
public sealed class MetricsView : IDisposable
{
    /// <summary>Prefix of the product's meter names.</summary>
    public const string MeterPrefix = "AltseasonLive.";

    private readonly ConcurrentDictionary<string, InstrumentTotals> _instruments = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public MetricsView(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal))
            {
                var histogram = instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);
                listener.EnableMeasurementEvents(instrument, _instruments.GetOrAdd(instrument.Name, _ => new InstrumentTotals(histogram)));
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentTotals)state!).Add(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentTotals)state!).Add(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentTotals)state!).Add(value, tags));
        _listener.Start();
    }

    /// <summary>Sum of a counter since start (0 when nothing was recorded).</summary>
    public long Total(string instrument) => _instruments.TryGetValue(instrument, out var totals) ? totals.Sum : 0;

    /// <summary>Sum of a counter since start per value of its first tag, sorted by tag value.</summary>
    public IReadOnlyDictionary<string, long> TotalsByTag(string instrument) =>
        _instruments.TryGetValue(instrument, out var totals)
            ? new SortedDictionary<string, long>(totals.ByTag.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value)), StringComparer.Ordinal)
            : new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>A histogram's measurements since the previous call for the same instrument, then starts a new window.</summary>
    public HistogramWindow TakeWindow(string instrument) =>
        _instruments.TryGetValue(instrument, out var totals) ? totals.TakeWindow() : new HistogramWindow(0, 0, 0);

    public void Dispose() => _listener.Dispose();

    private sealed class InstrumentTotals(bool histogram)
    {
        private readonly Lock _window = new();
        private long _sum;
        private long _count;
        private double _windowSum;
        private double _windowMax;

        public ConcurrentDictionary<string, StrongBox> ByTag { get; } = new(StringComparer.Ordinal);

        public long Sum => Interlocked.Read(ref _sum);

        public void Add(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (histogram)
            {
                Add((double)value, tags);
                return;
            }

            Interlocked.Add(ref _sum, value);
            if (tags.Length > 0 && tags[0].Value is string tag)
            {
                var box = ByTag.GetOrAdd(tag, static _ => new StrongBox());
                Interlocked.Add(ref box.Value, value);
            }
        }

        public void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (!histogram)
            {
                Add((long)value, tags);
                return;
            }

            lock (_window)
            {
                _count++;
                _windowSum += value;
                _windowMax = Math.Max(_windowMax, value);
            }
        }

        public HistogramWindow TakeWindow()
        {
            lock (_window)
            {
                var window = new HistogramWindow(_count, _count == 0 ? 0 : _windowSum / _count, _windowMax);
                _count = 0;
                _windowSum = 0;
                _windowMax = 0;
                return window;
            }
        }
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
