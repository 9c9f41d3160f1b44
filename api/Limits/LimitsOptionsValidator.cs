using AltseasonLive.Api.Ingestion;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Checks <see cref="LimitsOptions"/> against the ingestion size limits: a tick bucket smaller than <c>Ingestion:MaxItems</c>
/// would refuse a full-size request or frame for ever.
/// </summary>
public sealed class LimitsOptionsValidator(IOptions<IngestionOptions> ingestion) : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var maxItems = ingestion.Value.MaxItems;
        var failures = new List<string>();
        if (options.PublishTickBurst < maxItems)
        {
            failures.Add($"Limits:PublishTickBurst ({options.PublishTickBurst}) must be at least Ingestion:MaxItems ({maxItems}).");
        }

        if (options.StreamTickBurst < maxItems)
        {
            failures.Add($"Limits:StreamTickBurst ({options.StreamTickBurst}) must be at least Ingestion:MaxItems ({maxItems}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
