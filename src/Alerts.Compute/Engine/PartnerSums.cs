using System.Runtime.InteropServices;

namespace Alerts.Compute.Engine;

/// <summary>
/// Exact per-partner sums of one cell (series and period) or window, on both bases. <see cref="Flags"/>
/// says which bases were reported at least once: an unreported (confidential) amount is not a zero.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PartnerSums
{
    public const byte WeightReported = 1;
    public const byte ValueReported = 2;

    public int Partner;
    public byte Flags;
    public decimal Weight;
    public decimal Value;

    public readonly bool IsReported(int basis) => (Flags & (basis == 0 ? WeightReported : ValueReported)) != 0;

    public readonly decimal Amount(int basis) => basis == 0 ? Weight : Value;
}
