using System.Security.Cryptography;
using System.Text;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// Stream ids belong to the publisher key that sends them: the stored id is <c>&lt;scope&gt;/&lt;id&gt;</c>, where the
/// scope is a short hash of the key (never the key), stable across restarts and key reordering. Two keys using the same
/// id have two streams, so one publisher cannot blackhole another's.
/// </summary>
public static class StreamScope
{
    public static string Of(string authorization)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorization.Trim()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    public static string Scoped(string scope, string id) => $"{scope}/{id}";

    /// <summary>The id as the publisher sent it.</summary>
    public static string Unscoped(string scoped) => scoped[(scoped.IndexOf('/') + 1)..];

    public static bool BelongsTo(string scoped, string scope) =>
        scoped.Length > scope.Length && scoped.StartsWith(scope, StringComparison.Ordinal) && scoped[scope.Length] == '/';
}
