using System.Numerics;

namespace Alerts.Compute.Engine;

/// <summary>
/// The one place indices are computed. Amounts are turned into exact integers at a common decimal scale,
/// so the total and the sum of squares are exact and the only roundings are the final conversions to
/// double; the entropy sum (the one inexact sum) runs in a canonical order (amount descending, ties are
/// equal terms). Results therefore depend only on the multiset of partner sums, never on input order or
/// chunking. Not thread-safe: one kernel per thread (it reuses scratch buffers).
/// </summary>
internal sealed class ConcentrationKernel
{
    private const ulong FastLimit = 1UL << 53;
    private static readonly ulong[] Pow10Long = BuildPow10();

    private readonly CodeTable partners;
    private Ranked[] ranked = new Ranked[64];
    private int count;

    public ConcentrationKernel(CodeTable partners) => this.partners = partners;

    /// <summary>Entries of the last <see cref="Compute"/>, largest first (index into the span given).</summary>
    public ReadOnlySpan<Ranked> LastRanking => ranked.AsSpan(0, count);

    public IndexValues Compute(ReadOnlySpan<PartnerSums> entries, int basis)
    {
        if (ranked.Length < entries.Length)
        {
            ranked = new Ranked[Math.Max(entries.Length, ranked.Length * 2)];
        }

        var n = 0;
        var unreported = 0;
        var maxScale = 0;
        var fast = true;
        for (var i = 0; i < entries.Length; i++)
        {
            ref readonly var e = ref entries[i];
            if (!e.IsReported(basis))
            {
                unreported++;
                continue;
            }

            var amount = e.Amount(basis);
            if (amount == 0)
            {
                continue;
            }

            var m = Decode(amount, out var scale);
            if (m >= FastLimit)
            {
                fast = false;
            }

            ranked[n++] = new Ranked((ulong)m, scale, i, e.Partner);
            if (scale > maxScale)
            {
                maxScale = scale;
            }
        }

        count = n;
        if (n == 0)
        {
            return IndexValues.Empty(0, unreported);
        }

        var rs = ranked.AsSpan(0, n);
        if (fast && maxScale > 0)
        {
            for (var i = 0; i < rs.Length; i++)
            {
                ref var r = ref rs[i];
                var shift = maxScale - r.Scale;
                if (shift > 0)
                {
                    if (shift > 15 || r.M >= FastLimit / Pow10Long[shift])
                    {
                        fast = false;
                        break;
                    }

                    r.M *= Pow10Long[shift];
                }
            }
        }

        return fast ? ComputeFast(rs, maxScale, unreported) : ComputeBig(entries, basis, unreported);
    }

    private IndexValues ComputeFast(Span<Ranked> rs, int scale, int unreported)
    {
        Sort(rs);
        UInt128 t = 0;
        UInt128 s = 0;
        foreach (ref readonly var r in rs)
        {
            t += r.M;
            s += Math.BigMul(r.M, r.M);
        }

        // Below 2^64 the square of the total is exact too, so the fraction is rounded once.
        var t2 = t <= ulong.MaxValue ? (double)(t * t) : (double)t * (double)t;
        var td = (double)t;
        var h = (double)s / t2;
        var top3 = rs[0].M + (rs.Length > 1 ? rs[1].M : 0) + (rs.Length > 2 ? rs[2].M : 0);
        double entropy = 0;
        foreach (ref readonly var r in rs)
        {
            var share = r.M / td;
            entropy -= share * Math.Log(share);
        }

        var total = new decimal((int)(uint)t, (int)(uint)(t >> 32), (int)(uint)(t >> 64), false, (byte)scale);
        return Finish(rs.Length, total, unreported, h, t2 / (double)s, rs[0].M / td, top3 / td, rs[0].Partner, entropy);
    }

    // Amounts beyond 2^53 at the common scale (or whose rescaling overflows 128 bits): exact in BigInteger.
    private IndexValues ComputeBig(ReadOnlySpan<PartnerSums> entries, int basis, int unreported)
    {
        var rs = ranked.AsSpan(0, count);
        var maxScale = 0;
        decimal total = 0;
        var mantissas = new UInt128[rs.Length];
        var scales = new int[rs.Length];
        for (var i = 0; i < rs.Length; i++)
        {
            var amount = entries[rs[i].Entry].Amount(basis);
            total += amount;
            mantissas[i] = Decode(amount, out scales[i]);
            maxScale = Math.Max(maxScale, scales[i]);
        }

        var big = new BigInteger[rs.Length];
        var order = new int[rs.Length];
        for (var i = 0; i < rs.Length; i++)
        {
            big[i] = (BigInteger)mantissas[i] * BigInteger.Pow(10, maxScale - scales[i]);
            order[i] = i;
        }

        var codes = partners.Codes;
        var copy = rs.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = big[b].CompareTo(big[a]);
            return c != 0 ? c : string.CompareOrdinal(codes[copy[a].Partner], codes[copy[b].Partner]);
        });

        BigInteger t = 0;
        BigInteger s = 0;
        foreach (var b in big)
        {
            t += b;
            s += b * b;
        }

        var t2 = (double)(t * t);
        var td = (double)t;
        double entropy = 0;
        BigInteger top3 = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var share = (double)big[order[k]] / td;
            entropy -= share * Math.Log(share);
            if (k < 3)
            {
                top3 += big[order[k]];
            }

            rs[k] = copy[order[k]];
        }

        var first = order[0];
        return Finish(rs.Length, total, unreported, (double)s / t2, t2 / (double)s, (double)big[first] / td, (double)top3 / td, copy[first].Partner, entropy);
    }

    private static IndexValues Finish(int n, decimal total, int unreported, double h, double equivalent, double cr1, double cr3, int top, double entropy)
    {
        // (N*H - 1) / (N - 1) equals (H - 1/N) / (1 - 1/N); clamped because rounding can dip below 0 for equal shares.
        var normalized = n == 1 ? 1d : Math.Clamp(((n * h) - 1d) / (n - 1), 0d, 1d);
        return new IndexValues(total, n, unreported, h, normalized, cr1, Math.Min(cr3, 1d), top, equivalent, Math.Max(entropy, 0d));
    }

    private void Sort(Span<Ranked> rs)
    {
        var codes = partners.Codes;
        if (rs.Length <= 24)
        {
            for (var i = 1; i < rs.Length; i++)
            {
                var x = rs[i];
                var j = i - 1;
                while (j >= 0 && Before(x, rs[j], codes))
                {
                    rs[j + 1] = rs[j];
                    j--;
                }

                rs[j + 1] = x;
            }

            return;
        }

        rs.Sort(new RankComparer(codes));
    }

    private static bool Before(in Ranked a, in Ranked b, string[] codes) =>
        a.M > b.M || (a.M == b.M && string.CompareOrdinal(codes[a.Partner], codes[b.Partner]) < 0);

    /// <summary>The unscaled integer of a non-negative decimal, with trailing zeros stripped so equal values decode equally.</summary>
    internal static UInt128 Decode(decimal d, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        scale = (bits[3] >> 16) & 0xFF;
        var hi = (uint)bits[2];
        var lo = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (scale == 0)
        {
            return hi == 0 ? lo : ((UInt128)hi << 64) | lo;
        }

        if (hi == 0)
        {
            while (scale > 0 && lo % 10 == 0)
            {
                lo /= 10;
                scale--;
            }

            return lo;
        }

        var m = ((UInt128)hi << 64) | lo;
        while (scale > 0 && m % 10 == 0)
        {
            m /= 10;
            scale--;
        }

        return m;
    }

    private static ulong[] BuildPow10()
    {
        var p = new ulong[16];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }

    /// <summary>One supplier: its amount as an integer at the common scale (below 2^53 on the fast path), and where it came from.</summary>
    internal struct Ranked(ulong m, int scale, int entry, int partner)
    {
        public ulong M = m;
        public int Scale = scale;
        public int Entry = entry;
        public int Partner = partner;
    }

    private readonly struct RankComparer(string[] codes) : IComparer<Ranked>
    {
        public int Compare(Ranked a, Ranked b)
        {
            var c = b.M.CompareTo(a.M);
            return c != 0 ? c : string.CompareOrdinal(codes[a.Partner], codes[b.Partner]);
        }
    }
}
