namespace AltseasonLive.Statistics;

/// <summary>Sums of a window's tail as deviations from the shifts <see cref="KX"/> and <see cref="KY"/>.</summary>
internal readonly record struct TailSums(double KX, double KY, double SX, double SY, double SXX, double SYY, double SXY);
