using AltseasonLive.Grains.Configuration;
using Microsoft.Extensions.Configuration;

namespace AltseasonLive.Grains.Hosting;

/// <summary>
/// The few settings that decide which services exist, read from configuration while the host is built (the container,
/// and with it <c>IOptions</c>, does not exist yet). Nothing else is read this early: every other value is read through
/// the validated options, which bind these same keys too, so a wrong value stops the start naming its key either way
/// (a value of the wrong type already fails here, with the key in the message).
/// </summary>
public static class RegistrationChoices
{
    /// <summary><c>Clustering:Provider</c>: which membership provider the silo adds.</summary>
    public static ClusteringProvider ClusteringProvider(this IConfiguration config) =>
        config.GetValue($"{ClusteringOptions.SectionName}:{nameof(ClusteringOptions.Provider)}", Hosting.ClusteringProvider.Localhost);

    /// <summary><c>Storage:Provider</c>, or when unset the default that follows the clustering: which grain storage the silo adds.</summary>
    public static StorageProvider StorageProvider(this IConfiguration config) =>
        StorageOptions.ProviderFor(
            config.GetValue<StorageProvider?>($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"),
            config.ClusteringProvider());
}
