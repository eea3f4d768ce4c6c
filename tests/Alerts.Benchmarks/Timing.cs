using System.Diagnostics;

namespace Alerts.Benchmarks;

/// <summary>In-process timing for benchmarks that compare two code paths in one run.</summary>
internal static class Timing
{
    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="runs"/> times; the median wall time.</summary>
    public static TimeSpan Median(int runs, Func<int> action)
    {
        action();
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start));
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
