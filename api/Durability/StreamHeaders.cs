using System.Globalization;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// The stream headers of a publish request, read strictly: both or neither, each exactly once; the id 1-64 letters,
/// digits, '.', '-', '_' or ':'; the sequence a plain non-negative decimal integer (no sign, spaces or exponent) below
/// 2^63. Anything else is a 400 with <see cref="Error"/>, never a batch applied without its exactly-once guarantee.
/// </summary>
public readonly record struct StreamHeaders(string? Id, long Sequence, string? Error)
{
    public const int MaxIdLength = 64;

    public bool Present => Id is not null;

    public static StreamHeaders Read(HttpRequest request)
    {
        var ids = request.Headers[PublisherStreams.StreamIdHeader];
        var sequences = request.Headers[PublisherStreams.SequenceHeader];
        if (ids.Count == 0 && sequences.Count == 0)
        {
            return default;
        }

        if (ids.Count != 1 || sequences.Count != 1)
        {
            return Fail($"Send {PublisherStreams.StreamIdHeader} and {PublisherStreams.SequenceHeader} together, each once.");
        }

        var id = ids[0] ?? "";
        if (id.Length is 0 or > MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
        {
            return Fail($"{PublisherStreams.StreamIdHeader} must be 1-{MaxIdLength} letters, digits, '.', '-', '_' or ':'.");
        }

        var text = sequences[0] ?? "";
        if (text.Length is 0 or > 19 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return Fail($"{PublisherStreams.SequenceHeader} must be a plain non-negative integer below 2^63.");
        }

        return new StreamHeaders(id, sequence, null);
    }

    private static StreamHeaders Fail(string error) => new(null, 0, error);
}
