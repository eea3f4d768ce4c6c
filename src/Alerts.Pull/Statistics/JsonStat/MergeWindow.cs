namespace Alerts.Pull.Statistics.JsonStat;

/// <summary>
/// The stride positions (cells between two indicators of one observation) one pass over <c>value</c> merges:
/// <see cref="First"/> up to <see cref="First"/> + <see cref="Length"/>. A stride that fits the reader's slots is one
/// window; a wider one is read in windows of at most the slots, one pass each, each starting at the first position
/// with a figure after the previous window (empty stretches of a sparse cube cost no pass).
/// </summary>
internal readonly record struct MergeWindow(long First, long Length)
{
    public bool Contains(long position) => position >= First && position < First + Length;

    public long End => First + Length;

    /// <summary>The first window of a stride: all of it when it fits the slots.</summary>
    public static MergeWindow Start(long stride, int slots) => new(0, Math.Max(1, Math.Min(stride, slots)));

    /// <summary>The window starting at <paramref name="first"/>, at most <paramref name="slots"/> wide, within the stride.</summary>
    public static MergeWindow From(long first, long stride, int slots) => new(first, Math.Min(slots, stride - first));
}
