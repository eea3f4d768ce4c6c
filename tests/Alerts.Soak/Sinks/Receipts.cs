using System.Collections.Concurrent;

namespace Alerts.Soak.Sinks;

/// <summary>What one sink accepted: how many times each notification arrived, and what it refused.</summary>
public sealed class Receipts
{
    private readonly ConcurrentDictionary<string, int> arrivals = new(StringComparer.Ordinal);
    private long faults;
    private long refusedPermanently;
    private long unrecognised;

    /// <summary>Notifications that arrived at least once.</summary>
    public int Unique => arrivals.Count;

    /// <summary>Arrivals beyond the first of each notification.</summary>
    public int Duplicates => arrivals.Values.Sum(n => n - 1);

    /// <summary>Answers that were transient faults (429, 5xx, hangs, resets, 421/451).</summary>
    public long Faults => Interlocked.Read(ref faults);

    /// <summary>Sends refused with a permanent failure (410 / 550 to the designated targets).</summary>
    public long RefusedPermanently => Interlocked.Read(ref refusedPermanently);

    /// <summary>Accepted requests that carried no notification the soak sent (must stay 0).</summary>
    public long Unrecognised => Interlocked.Read(ref unrecognised);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(arrivals, StringComparer.Ordinal);

    /// <summary>The start of the first arrival that carried no notification the soak sent, to show what came instead.</summary>
    public string? FirstUnrecognised { get; private set; }

    public void Arrived(string? notificationId, string? content = null)
    {
        if (notificationId is null)
        {
            Interlocked.Increment(ref unrecognised);
            FirstUnrecognised ??= content is null ? "(no content)" : content[..Math.Min(content.Length, 2000)];
            return;
        }

        arrivals.AddOrUpdate(notificationId, 1, (_, n) => n + 1);
    }

    public void Fault() => Interlocked.Increment(ref faults);

    public void Refused() => Interlocked.Increment(ref refusedPermanently);
}
