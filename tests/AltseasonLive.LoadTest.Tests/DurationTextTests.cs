using AltseasonLive.LoadTest.Cli;

namespace AltseasonLive.LoadTest.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("60s", 60)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("1800", 1800)]
    [InlineData("00:30:00", 1800)]
    [InlineData(" 2M ", 120)]
    public void Parses_units_bare_seconds_and_timespans(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5s")]
    [InlineData("10x")]
    [InlineData("m")]
    public void Refuses_what_is_not_a_duration(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
