using AltseasonLive.Api.Extensions;
using AltseasonLive.Api.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Tests.Ingestion;

public sealed class IngestionKeyStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "altseasonlive-api-tests", Guid.NewGuid().ToString("N"));

    private IngestionKeyStore Create(params string[] keys) => new(
        Options.Create(new IngestionOptions { Keys = [.. keys] }),
        Options.Create(new DataFolderOptions { Folder = _folder }),
        NullLogger<IngestionKeyStore>.Instance);

    [Fact]
    public void Without_configured_keys_a_development_key_is_generated_once_and_kept()
    {
        var first = Create();
        var key = File.ReadAllText(Path.Combine(_folder, IngestionKeyStore.DevelopmentKeyFile)).Trim();
        var second = Create();

        Assert.True(key.Length >= 32);
        Assert.True(first.IsAuthorized($"Bearer {key}"));
        Assert.True(second.IsAuthorized($"bearer {key}"));
        Assert.False(second.IsAuthorized($"Bearer {key}x"));
        Assert.False(second.IsAuthorized(key));
    }

    [Fact]
    public void Configured_keys_replace_the_development_key()
    {
        var store = Create("alpha", "beta");

        Assert.True(store.IsAuthorized("Bearer alpha"));
        Assert.True(store.IsAuthorized("Bearer beta"));
        Assert.False(store.IsAuthorized("Bearer gamma"));
        Assert.False(store.IsAuthorized(null));
        Assert.False(File.Exists(Path.Combine(_folder, IngestionKeyStore.DevelopmentKeyFile)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
