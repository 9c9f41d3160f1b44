using System.Security.Cryptography;
using System.Text;
using AltseasonLive.Api.Extensions;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// The bearer keys publishers must present. Configured keys win; with none, a random development key is created once in
/// the data folder (<c>ingestion-dev-key.txt</c>) and printed to the log once, when it is created, so a newcomer can
/// publish at once; later starts log only the file's path, so the secret does not spread through every log.
/// Keys are compared by SHA-256 digest in constant time.
/// </summary>
public sealed partial class IngestionKeyStore
{
    public const string DevelopmentKeyFile = "ingestion-dev-key.txt";

    private readonly byte[][] _digests;

    public IngestionKeyStore(IOptions<IngestionOptions> options, IOptions<DataFolderOptions> data, ILogger<IngestionKeyStore> logger)
    {
        var keys = options.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList();
        if (keys.Count == 0)
        {
            var (key, path, created) = LoadOrCreateDevelopmentKey(data.Value.ResolveFolder());
            if (created)
            {
                LogGeneratedKey(logger, path, key);
            }
            else
            {
                LogExistingKey(logger, path);
            }

            keys.Add(key);
        }

        _digests = keys.Select(Digest).ToArray();
    }

    /// <summary>True when the <c>Authorization</c> header value is <c>Bearer &lt;a configured key&gt;</c>.</summary>
    public bool IsAuthorized(string? authorizationHeader) => IndexOf(authorizationHeader) >= 0;

    /// <summary>
    /// Position of the presented key among the configured keys (a stable publisher identity that is not the secret),
    /// or -1 when the header holds no valid key. Every key is compared, so the time taken does not tell which matched.
    /// </summary>
    public int IndexOf(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var presented = Digest(authorizationHeader[scheme.Length..].Trim());
        var index = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(_digests[i], presented) && index < 0)
            {
                index = i;
            }
        }

        return index;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static (string Key, string Path, bool Created) LoadOrCreateDevelopmentKey(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, DevelopmentKeyFile);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return (existing, path, false);
            }
        }

        var key = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), file))
        {
            writer.Write(key + "\n");
        }

        return (key, path, true);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Generated development ingestion key (stored in {Path}; set Ingestion:Keys to replace it): {Key}")]
    private static partial void LogGeneratedKey(ILogger logger, string path, string key);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Using the development ingestion key stored in {Path} (set Ingestion:Keys to replace it)")]
    private static partial void LogExistingKey(ILogger logger, string path);
}
