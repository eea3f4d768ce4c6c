using System.Globalization;
using System.Text;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.JsonStat;

namespace Alerts.Pull.Tests.Statistics.JsonStat;

/// <summary>
/// Indicators further apart than the reader's merge slots: merged a window of stride positions per pass over
/// <c>value</c>, so the buffer stays at the slots whatever the payload (no cap on the cube's shape but the passes).
/// </summary>
public sealed partial class JsonStatReaderTests
{
    // Indicators listed before partner: quantity and value of a cell are partners x months = 3 x 600 = 1800 cells apart.
    private static readonly string[] Partners = ["CN", "US", "JP"];
    private static readonly string[] Months = [.. Enumerable.Range(0, 600).Select(m => string.Create(CultureInfo.InvariantCulture, $"{1900 + (m / 12)}-{(m % 12) + 1:D2}"))];

    [Theory]
    // value after the dimensions: the first window streams, later ones re-read value (seekable stream)
    [InlineData(true, false, 500, 4)]
    // value first, as Eurostat writes it, from a non-seekable body (spooled)
    [InlineData(false, true, 500, 4)]
    // slots cover the stride: one pass as before
    [InlineData(true, false, 1800, 1)]
    public void Observations_IndicatorsWiderThanTheSlots_SameObservationsInOnePassPerWindow(bool dimensionsFirst, bool nonSeekable, int slots, int passes)
    {
        var json = Encoding.UTF8.GetBytes(WideCube(dimensionsFirst, p => true));
        var reader = JsonStatReader.Create("wide", new TradeDataReaderOptions { MergeSlots = slots });

        using var stream = nonSeekable ? (Stream)Gzipped(json) : new MemoryStream(json);
        var observations = reader.Observations(stream).ToList();

        Assert.Equal(JsonStatReader.Read(new MemoryStream(json), "wide").Observations, observations.Order(ObservationOrder.Instance));
        Assert.Equal(Partners.Length * Months.Length, observations.Count);
        Assert.Contains(Obs("US", "280530", Period.Monthly(1900, 3), 200m, 1002m), observations);
        Assert.Equal(passes, reader.Passes);
        Assert.Equal(2L * Partners.Length * Months.Length, reader.Cells); // counted once, not once per pass
    }

    [Fact]
    public void Observations_SparseCubeWithAnEmptyStretch_PassesSkipIt()
    {
        // Only Japan (stride positions 1200-1799) has figures: with 100 slots, window 0 finds nothing and the next
        // pass starts at 1200, so 1 + 6 passes rather than 18.
        var json = Encoding.UTF8.GetBytes(WideCube(dimensionsFirst: true, p => p == 2));
        var reader = JsonStatReader.Create("sparse", new TradeDataReaderOptions { MergeSlots = 100 });

        var observations = reader.Observations(new MemoryStream(json)).ToList();

        Assert.Equal(Months.Length, observations.Count);
        Assert.All(observations, o => Assert.Equal("JP", o.Partner));
        Assert.Equal(7, reader.Passes);
    }

    [Fact]
    public void Read_MorePassesThanAllowed_FailsNamingTheDimensionOrder()
    {
        var json = WideCube(dimensionsFirst: false, p => true);

        var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "q", new TradeDataReaderOptions { MergeSlots = 100, MaxMergePasses = 5 }));

        Assert.Equal("$.id", e.Location);
        Assert.Contains("1800 cells lie between the indicators of one observation", e.Problem, StringComparison.Ordinal);
        Assert.Contains("more than 5 passes", e.Problem, StringComparison.Ordinal);
    }

    /// <summary>Every partner <paramref name="has"/> keeps and every month: quantity = month x 100 kg, value = 1000 + month.</summary>
    private static string WideCube(bool dimensionsFirst, Func<int, bool> has)
    {
        var index = CellIndex(IndicatorsEarly, Partners.Length, Months.Length);
        var cells = new SortedDictionary<long, int>();
        for (var p = 0; p < Partners.Length; p++)
        {
            for (var t = 0; t < Months.Length && has(p); t++)
            {
                cells[index(p, 0, t)] = t;
                cells[index(p, 1, t)] = 1000 + t;
            }
        }

        return Cube(Partners, Months, "{" + string.Join(",", cells.Select(c => string.Create(CultureInfo.InvariantCulture, $"'{c.Key}':{c.Value}"))) + "}", dimensionsFirst, IndicatorsEarly);
    }
}
