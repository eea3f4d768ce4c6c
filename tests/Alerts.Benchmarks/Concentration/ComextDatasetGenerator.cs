using System.Globalization;
using System.Text;

namespace Alerts.Benchmarks.Concentration;

/// <summary>
/// Writes a Comext-shaped, partner-scoped trade dataset with a fixed seed: reporters (EU27_2020 and the 27
/// member states) x CN8 products x flows x months from 2005-01, each cell with a handful of third-country
/// partners whose amounts fall off with rank (one dominant supplier, a long tail), like real imports of
/// raw materials. Columns: <c>reporter,partner,product,flow,period,quantity_kg,value_eur</c>; rows ordered
/// by period, reporter, product, flow as in Comext's monthly files. Each month is generated from its own
/// seed, so <see cref="WriteMonth"/> can append "the next month" independently of the history.
/// </summary>
internal sealed class ComextDatasetGenerator
{
    public const string Header = "reporter,partner,product,flow,period,quantity_kg,value_eur";
    public const int FirstYear = 2005;

    private static readonly string[] Reporters =
    [
        "EU27_2020", "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    private readonly int seed;
    private readonly string[] products;
    private readonly string[] partners;
    private readonly int[][] rankings;
    private readonly int meanPartners;

    /// <param name="targetRows">Rows wanted over <paramref name="months"/> months; the product count and partners per cell follow.</param>
    public ComextDatasetGenerator(long targetRows, int months = 240, int seed = 20260301)
    {
        this.seed = seed;
        Months = months;
        var cellsPerProduct = (long)Reporters.Length * 2 * months;
        var productCount = (int)Math.Clamp(targetRows / (cellsPerProduct * 12.5), 1, 5000);
        meanPartners = (int)Math.Clamp(Math.Round(targetRows / (double)(cellsPerProduct * productCount)), 1, 100);
        var random = new Random(seed);
        products = Enumerable.Range(0, productCount).Select(i => (25_000_000 + (i * 1013)).ToString("D8", CultureInfo.InvariantCulture)).ToArray();
        var eu = new HashSet<string>(Reporters);
        partners = Enumerable.Range(0, 26 * 26)
            .Select(i => $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}")
            .Where(c => !eu.Contains(c))
            .Take(200)
            .ToArray();
        rankings = products.Select(_ => Enumerable.Range(0, partners.Length).OrderBy(_ => random.Next()).ToArray()).ToArray();
    }

    public int Months { get; }

    public int ProductCount => products.Length;

    /// <summary>Writes the whole history (months 0 .. Months-1); returns the number of rows.</summary>
    public long Write(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write('\n');
        long rows = 0;
        for (var m = 0; m < Months; m++)
        {
            rows += WriteMonth(writer, m);
        }

        return rows;
    }

    /// <summary>Writes one month (0 = 2005-01) without header; returns the number of rows.</summary>
    public int WriteMonth(TextWriter writer, int month)
    {
        var random = new Random(HashCode.Combine(seed, month));
        var period = $"{FirstYear + (month / 12):D4}-{(month % 12) + 1:D2}";
        var rows = 0;
        Span<char> buffer = stackalloc char[96];
        foreach (var reporter in Reporters)
        {
            for (var p = 0; p < products.Length; p++)
            {
                for (var flow = 1; flow <= 2; flow++)
                {
                    var k = random.Next(1, (2 * meanPartners) - 1 + 1);
                    var scale = 1 + random.Next(1000);
                    for (var rank = 0; rank < k; rank++)
                    {
                        var partner = partners[rankings[p][rank]];
                        var kg = (long)(scale * 10_000d / Math.Pow(rank + 1, 1.3) * (0.5 + random.NextDouble())) + 1;
                        var eur = kg * (2 + random.Next(48));
                        buffer.TryWrite(CultureInfo.InvariantCulture, $"{reporter},{partner},{products[p]},{flow},{period},{kg},{eur}\n", out var written);
                        writer.Write(buffer[..written]);
                        rows++;
                    }
                }
            }
        }

        return rows;
    }
}
