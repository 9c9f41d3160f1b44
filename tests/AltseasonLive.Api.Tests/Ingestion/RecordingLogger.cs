using AltseasonLive.Api.Ingestion;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Api.Tests.Ingestion;

/// <summary>Keeps every formatted log message.</summary>
internal sealed class RecordingLogger : ILogger<IngestionKeyStore>
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Add(formatter(state, exception));
}
