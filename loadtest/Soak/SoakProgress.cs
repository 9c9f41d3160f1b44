using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>Live state of a soak, about once a second: the load runner's latest second and the samples taken so far.</summary>
public sealed record SoakProgress(LoadSnapshot Latest, TimeSpan Duration, IReadOnlyList<LoadSample> Samples);
