using System.Text.Json;

namespace AltseasonLive.Testing;

/// <summary>Structural JSON comparison: same shape, same strings and booleans, numbers equal within a relative tolerance.</summary>
public static class JsonAssert
{
    public static void Equivalent(JsonElement expected, JsonElement actual, double tolerance, string path = "$")
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} expected, got {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name));
                foreach (var name in names)
                {
                    Equivalent(expected.GetProperty(name), actual.GetProperty(name), tolerance, $"{path}.{name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {expected.GetArrayLength()} items expected, got {actual.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Equivalent(expected[i], actual[i], tolerance, $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                var (x, y) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))), $"{path}: {x} expected, got {y}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: {expected} expected, got {actual}");
                break;
        }
    }
}
