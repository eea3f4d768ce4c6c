using Microsoft.Extensions.Time.Testing;

namespace Alerts.TestKit.Time;

/// <summary>Fake clocks for tests, all starting at the same fixed instant so expectations can be written down.</summary>
public static class TestClock
{
    /// <summary>2026-01-15 06:00 UTC: a Thursday, mid-month, after the November data release.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A new <see cref="FakeTimeProvider"/> at <see cref="Start"/> (or <paramref name="start"/>).</summary>
    public static FakeTimeProvider Create(DateTimeOffset? start = null) => new(start ?? Start);
}
