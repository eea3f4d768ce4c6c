using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// Asks the processor to bring memory into cache ahead of use. Rows of a scattered file land on random cells of a heap
/// far larger than the cache; waiting for each cell in turn is most of the time spent adding them, while a prefetch a
/// few rows ahead overlaps those waits. A hint only: a stale or moved address costs nothing but the hint (a prefetch
/// never faults), and where the instruction does not exist nothing happens.
/// </summary>
internal static class CachePrefetch
{
    /// <summary>The cache line holding <paramref name="value"/>.</summary>
    public static unsafe void Line<T>(ref T value)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref value));
        }
    }

    /// <summary>The first <paramref name="lines"/> cache lines from <paramref name="value"/> on.</summary>
    public static unsafe void Lines<T>(ref T value, int lines)
    {
        if (Sse.IsSupported)
        {
            var p = (byte*)Unsafe.AsPointer(ref value);
            for (var i = 0; i < lines; i++)
            {
                Sse.Prefetch0(p + (i * 64));
            }
        }
    }
}
