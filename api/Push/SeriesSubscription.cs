namespace AltseasonLive.Api.Push;

/// <summary>
/// The series topics one connection follows, sorted, with a <see cref="Key"/> equal for equal sets. Connections that
/// follow the same topics share one <c>series</c> message per flush (serialized once), and each gets one write per
/// flush however many of its topics changed.
/// </summary>
public sealed class SeriesSubscription
{
    private SeriesSubscription(string[] topics)
    {
        Topics = topics;
        Key = string.Join('\n', topics);
    }

    public static SeriesSubscription None { get; } = new([]);

    public IReadOnlyList<string> Topics { get; }

    public string Key { get; }

    public static SeriesSubscription Of(IEnumerable<string> topics) =>
        new([.. topics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
