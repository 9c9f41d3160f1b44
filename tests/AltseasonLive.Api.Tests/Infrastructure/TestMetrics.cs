using System.Diagnostics.Metrics;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>A meter factory of its own (as a host has) with the push instruments on it and the view that reads them back.</summary>
public sealed class TestMetrics : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public TestMetrics()
    {
        Factory = _services.GetRequiredService<IMeterFactory>();
        View = new MetricsView(Factory);
        Push = new PushCounters(Factory);
    }

    public IMeterFactory Factory { get; }

    public MetricsView View { get; }

    public PushCounters Push { get; }

    public void Dispose()
    {
        View.Dispose();
        _services.Dispose();
    }
}
