using AltseasonLive.Api.Extensions;
using AltseasonLive.Api.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Tests.Ingestion;

public sealed class IngestionKeyStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "altseasonlive-api-tests", Guid.NewGuid().ToString("N"));

    private IngestionKeyStore Create(params string[] keys) => Create(NullLogger<IngestionKeyStore>.Instance, keys);

    private IngestionKeyStore Create(ILogger<IngestionKeyStore> logger, params string[] keys) => new(
        Options.Create(new IngestionOptions { Keys = [.. keys] }),
        Options.Create(new DataFolderOptions { Folder = _folder }),
        logger);

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

    [Fact]
    public void The_development_key_is_printed_when_generated_and_later_starts_log_only_its_path()
    {
        var firstLog = new RecordingLogger();
        Create(firstLog);
        var path = Path.Combine(_folder, IngestionKeyStore.DevelopmentKeyFile);
        var key = File.ReadAllText(path).Trim();
        var secondLog = new RecordingLogger();
        Create(secondLog);

        Assert.Contains(firstLog.Messages, m => m.Contains(key));
        Assert.Contains(secondLog.Messages, m => m.Contains(path));
        Assert.DoesNotContain(secondLog.Messages, m => m.Contains(key));
        Assert.Equal(key + "\n", File.ReadAllText(path));
        Assert.Equal((byte)'d', File.ReadAllBytes(path)[0]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void IndexOf_names_the_matching_key_by_position_and_minus_one_otherwise()
    {
        var store = Create("alpha", "beta");

        Assert.Equal(0, store.IndexOf("Bearer alpha"));
        Assert.Equal(1, store.IndexOf("bearer  beta "));
        Assert.Equal(-1, store.IndexOf("Bearer gamma"));
        Assert.Equal(-1, store.IndexOf("beta"));
        Assert.Equal(-1, store.IndexOf(null));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
