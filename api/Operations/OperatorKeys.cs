using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Operations;

/// <summary>The configured operator keys, compared by SHA-256 digest in constant time (no key is ever logged).</summary>
public sealed class OperatorKeys(IOptions<OperationsOptions> options)
{
    private readonly byte[][] _digests = options.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Digest(k.Trim())).ToArray();

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = Digest(presented.Trim());
        var valid = false;
        foreach (var known in _digests)
        {
            valid |= CryptographicOperations.FixedTimeEquals(known, digest);
        }

        return valid;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
