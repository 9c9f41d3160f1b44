using StackExchange.Redis;

namespace AltseasonLive.Grains.Hosting;

/// <summary>Turns a configured Redis string (<c>HOST:PORT</c>, or StackExchange.Redis' full syntax) into client options.</summary>
public static class RedisConfiguration
{
    /// <summary>
    /// Parses <paramref name="connectionString"/>. Unless the string says otherwise the client keeps retrying a Redis that
    /// is not up yet (<c>abortConnect=false</c>), so a node and its Redis can be started together.
    /// </summary>
    public static ConfigurationOptions Parse(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        if (!connectionString.Contains("abortConnect", StringComparison.OrdinalIgnoreCase))
        {
            options.AbortOnConnectFail = false;
        }

        return options;
    }
}
