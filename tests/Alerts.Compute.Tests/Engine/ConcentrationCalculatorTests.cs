using Alerts.Compute.Engine;
using CsCheck;

namespace Alerts.Compute.Tests.Engine;

public sealed class ConcentrationCalculatorTests
{
    // Positive integer amounts for 1..30 suppliers; integers keep the exact-arithmetic claims testable.
    private static readonly Gen<long[]> Amounts = Gen.Long[1, 5_000_000_000L].Array[1, 30];

    [Fact]
    public void Compute_Eu2022RareEarths_MatchesPublishedFigures()
    {
        // Published 2022 shares (samples/README.md): China 40, Malaysia 31, Russia 25, USA 2, Japan 2 (percent of weight).
        var result = ConcentrationCalculator.Compute(
        [
            new("CN", 40), new("MY", 31), new("RU", 25), new("US", 2), new("JP", 2),
        ]);

        Assert.Equal(3194, result.Hhi, 6);
        Assert.Equal(0.149, result.HhiNormalized, 3);
        Assert.Equal(3.13, result.EquivalentSuppliers, 2);
        Assert.Equal(1.2326, result.Entropy, 4);
        Assert.Equal(0.40, result.Cr1, 10);
        Assert.Equal(0.96, result.Cr3, 10);
        Assert.Equal("CN", result.TopSupplier);
    }

    [Theory]
    [InlineData(new double[0], 0, 0, 0, 0)] // no suppliers: all zero
    [InlineData(new double[] { 0, 0 }, 0, 0, 0, 0)] // zero totals: zero amounts are not suppliers
    [InlineData(new double[] { 7 }, 1, 10000, 1, 1)] // one supplier: HHI 10000, normalized defined as 1
    [InlineData(new double[] { 5, 5 }, 2, 5000, 0, 0.5)] // two equal suppliers: normalized 0
    [InlineData(new double[] { 3, 0, 1 }, 2, 6250, 0.25, 0.75)] // a zero partner is ignored
    public void Compute_EdgeCases_AreDefined(double[] amounts, int suppliers, double hhi, double normalized, double cr1)
    {
        var result = ConcentrationCalculator.Compute(amounts.Select((a, i) => new SupplierAmount($"P{i}", (decimal)a)));

        Assert.Equal(suppliers, result.Suppliers);
        Assert.Equal(hhi, result.Hhi, 9);
        Assert.Equal(normalized, result.HhiNormalized, 9);
        Assert.Equal(cr1, result.Cr1, 12);
        Assert.Equal(suppliers == 0 ? null : "P0", result.TopSupplier);
    }

    [Fact]
    public void Compute_NegativeAmount_IsRejectedNamingThePartner()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConcentrationCalculator.Compute([new("CN", 5), new("RU", -1)]));
        Assert.Contains("RU", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TiedAmounts_TopSupplierIsTheSmallerCode()
    {
        var result = ConcentrationCalculator.Compute([new("RU", 10), new("CN", 10), new("MY", 1)]);
        Assert.Equal("CN", result.TopSupplier);
        Assert.Equal(["CN", "RU", "MY"], result.TopSuppliers.Select(s => s.Partner));
    }

    [Fact]
    public void Compute_SamePartnerTwiceAndMixedScales_SumsExactly()
    {
        // 0.1 + 0.2 is exactly 0.3 in decimal: same result as one 0.30 entry.
        var split = ConcentrationCalculator.Compute([new("CN", 0.1m), new("RU", 0.5m), new("CN", 0.2m)]);
        var whole = ConcentrationCalculator.Compute([new("RU", 0.50m), new("CN", 0.30m)]);
        Assert.Equal(whole.Hhi, split.Hhi);
        Assert.Equal(whole.Entropy, split.Entropy);
        Assert.Equal(0.8m, split.Total);
    }

    [Fact]
    public void Compute_AmountsBeyondDoublePrecision_StayExact()
    {
        // 10^20 and 10^20 + 1 cannot be told apart in double; the exact path still ranks them.
        var result = ConcentrationCalculator.Compute([new("AA", 100_000_000_000_000_000_000m), new("BB", 100_000_000_000_000_000_001m)]);
        Assert.Equal("BB", result.TopSupplier);
        Assert.Equal(5000, result.Hhi, 9);
    }

    [Fact]
    public void Compute_AnyShares_HhiWithinBoundsOfSupplierCount()
    {
        Amounts.Sample(a =>
        {
            var r = Calc(a);
            Assert.InRange(r.Hhi, (10000d / r.Suppliers) - 1e-9, 10000d + 1e-9);
            Assert.InRange(r.HhiNormalized, 0, 1);
            Assert.InRange(r.Cr1, 0, r.Cr3 + 1e-15);
            Assert.InRange(r.Cr3, 0, 1);
        });
    }

    [Fact]
    public void Compute_PermutedPartners_IdenticalResult()
    {
        Gen.Select(Amounts, Gen.Int).Sample((a, seed) =>
        {
            var order = Enumerable.Range(0, a.Length).ToArray();
            new Random(seed).Shuffle(order);
            var direct = Calc(a);
            var permuted = ConcentrationCalculator.Compute(order.Select(i => new SupplierAmount($"P{i}", a[i])));
            Assert.Equal(direct with { TopSuppliers = [] }, permuted with { TopSuppliers = [] });
            Assert.Equal(direct.TopSuppliers, permuted.TopSuppliers);
        });
    }

    [Fact]
    public void Compute_AllFlowsScaled_SameIndices()
    {
        Gen.Select(Amounts, Gen.Int[2, 1000]).Sample((a, k) =>
        {
            var direct = Calc(a);
            var scaled = ConcentrationCalculator.Compute(a.Select((x, i) => new SupplierAmount($"P{i}", x * (decimal)k / 1000m)));
            Assert.Equal(direct.Hhi, scaled.Hhi, 1e-9);
            Assert.Equal(direct.Entropy, scaled.Entropy, 1e-12);
            Assert.Equal(direct.Cr3, scaled.Cr3, 1e-14);
            Assert.Equal(direct.TopSupplier, scaled.TopSupplier);
        });
    }

    [Fact]
    public void Compute_TwoSuppliersMerged_HhiRisesByTwiceTheirProduct()
    {
        Amounts.Where(a => a.Length >= 2).Sample(a =>
        {
            var before = Calc(a);
            var total = (double)a.Sum();
            var pa = 100d * a[0] / total;
            var pb = 100d * a[1] / total;
            var merged = ConcentrationCalculator.Compute(a.Select((x, i) => new SupplierAmount(i == 1 ? "P0" : $"P{i}", x)));
            Assert.Equal(before.Hhi + (2 * pa * pb), merged.Hhi, 1e-8);
            Assert.Equal(before.Suppliers - 1, merged.Suppliers);
        });
    }

    [Fact]
    public void Compute_AnyShares_ExpEntropyAtLeastEquivalentSuppliers()
    {
        Amounts.Sample(a =>
        {
            var r = Calc(a);
            Assert.True(r.ExpEntropy >= r.EquivalentSuppliers * (1 - 1e-12), $"exp(H)={r.ExpEntropy} < 1/H={r.EquivalentSuppliers}");
            Assert.True(r.ExpEntropy <= r.Suppliers * (1 + 1e-12));
        });
    }

    private static ConcentrationIndices Calc(long[] a) =>
        ConcentrationCalculator.Compute(a.Select((x, i) => new SupplierAmount($"P{i}", x)));
}
