namespace AltseasonLive.Api.Ingestion;

/// <summary>Wire format of a tick batch: one JSON array, or newline-delimited JSON objects (one per line).</summary>
public enum TickFormat
{
    JsonArray,
    Ndjson,
}
