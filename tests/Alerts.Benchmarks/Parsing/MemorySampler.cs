using System.Diagnostics;

namespace Alerts.Benchmarks.Parsing;

/// <summary>Samples the managed heap and working set every few milliseconds while a phase runs, keeping the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakHeap;
    private long _peakWorkingSet;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using (var process = Process.GetCurrentProcess())
        {
            StartWorkingSetBytes = process.WorkingSet64;
        }

        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    /// <summary>Working set when the phase began (after a full collection), to tell the phase's growth from what earlier phases left.</summary>
    public long StartWorkingSetBytes { get; }

    public long PeakHeapBytes => Interlocked.Read(ref _peakHeap);

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(false);
        using var process = Process.GetCurrentProcess();
        var ws = process.WorkingSet64;
        InterlockedMax(ref _peakHeap, heap);
        InterlockedMax(ref _peakWorkingSet, ws);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
