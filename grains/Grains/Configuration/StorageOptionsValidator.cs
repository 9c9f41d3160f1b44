using AltseasonLive.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Refuses at start a Redis grain storage with no Redis to use (neither <c>Storage:ConnectionString</c> nor the cluster's).</summary>
public sealed class StorageOptionsValidator(IOptions<ClusteringOptions> clustering) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.ProviderFor(clustering.Value) == StorageProvider.Redis && options.RedisConnectionFor(clustering.Value) is not { Length: > 0 }
            ? ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} (or Clustering:ConnectionString) is required when {StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is Redis.")
            : ValidateOptionsResult.Success;
}
