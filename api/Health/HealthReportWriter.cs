using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AltseasonLive.Api.Health;

/// <summary>
/// Writes a readiness report as JSON: <c>{ status, durationMs, checks: { name: { status, description, durationMs, error, data } } }</c>,
/// so an operator (or a load balancer log) sees which dependency is not ready.
/// </summary>
public static class HealthReportWriter
{
    public static async Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", report.TotalDuration.TotalMilliseconds);
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteNumber("durationMs", entry.Duration.TotalMilliseconds);
            if (entry.Exception is { } error)
            {
                json.WriteString("error", error.Message);
            }

            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value, value.GetType());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Liveness answers in plain text: <c>ok</c> while the process serves requests.</summary>
    public static Task WriteTextAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "ok" : report.Status.ToString());
    }
}
