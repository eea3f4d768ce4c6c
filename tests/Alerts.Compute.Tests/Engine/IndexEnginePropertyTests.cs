using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using CsCheck;

namespace Alerts.Compute.Tests.Engine;

public sealed partial class IndexEngineTests
{
    private static readonly string[] PartnerCodes = ["AU", "BR", "CA", "CN", "JP", "KZ", "MY", "RU", "US", "ZA"];

    // Observations over two products, 30 months, ten partners; amounts with up to two decimals and nulls.
    private static readonly Gen<TradeObservation[]> Observations =
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 29], Gen.Int[0, PartnerCodes.Length - 1], Gen.Int[0, 100_000], Gen.Int[0, 9])
            .Select((product, month, partner, cents, nullish) => new TradeObservation(
                "EU27_2020",
                PartnerCodes[partner],
                product == 0 ? "280530" : "850511",
                TradeFlow.Import,
                Period.Monthly(2022 + (month / 12), (month % 12) + 1),
                nullish == 0 ? null : cents / 100m,
                nullish == 1 ? null : cents * 7m,
                "EUR"))
            .Array[1, 200];

    [Fact]
    public void Recompute_DataChunkedAndShuffled_IdenticalRows()
    {
        Gen.Select(Observations, Gen.Int).Sample((obs, seed) =>
        {
            var expected = IndexEngine.Compute(obs);
            var random = new Random(seed);
            var shuffled = obs.ToArray();
            random.Shuffle(shuffled);
            var engine = new IndexEngine();
            for (var at = 0; at < shuffled.Length;)
            {
                var n = random.Next(1, shuffled.Length - at + 1);
                engine.Add(shuffled.AsSpan(at, n).ToArray());
                if (random.Next(2) == 0)
                {
                    engine.Recompute(); // intermediate recomputes must not leave traces
                }

                at += n;
            }

            Assert.Equal(expected, engine.Recompute());
        }, iter: 150);
    }

    [Fact]
    public void Recompute_RollingWindow_EqualsSumOfItsMonths()
    {
        Observations.Sample(obs =>
        {
            var rows = IndexEngine.Compute(obs);
            foreach (var r in rows.Where(r => r.Window == IndexWindow.Rolling12))
            {
                var end = (r.Period.Year * 12) + r.Period.Month;
                var inWindow = obs.Where(o => o.Product == r.Product && (o.Period.Year * 12) + o.Period.Month is var m && m > end - 12 && m <= end).ToList();
                var amounts = inWindow.Where(o => o.Amount(r.Basis) is not null).Select(o => new SupplierAmount(o.Partner, o.Amount(r.Basis)!.Value));
                var expected = ConcentrationCalculator.Compute(amounts);
                Assert.Equal(expected.Total, r.Total);
                Assert.Equal(expected.Suppliers, r.Suppliers);
                Assert.Equal(expected.Hhi, r.Hhi);
                Assert.Equal(expected.Cr3, r.Cr3);
                Assert.Equal(expected.Entropy, r.Entropy);
                Assert.Equal(expected.TopSupplier, r.TopSupplier);
                Assert.Equal(inWindow.Select(o => o.Period).Distinct().Count(), r.MonthsCovered);
            }
        }, iter: 100);
    }
}
