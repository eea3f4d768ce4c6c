using System.Globalization;
using System.Text;

namespace Alerts.Benchmarks.Indices;

/// <summary>
/// Writes a Comext DS-045409 SDMX-CSV file (the format <c>alerts indices</c> reads) deterministically: 28
/// reporters (EU27_2020 and the member states) x products x monthly periods from 2005-01, import flow, each
/// (reporter, product, month) with up to <see cref="Slots"/> third-country partners whose amounts fall off with
/// rank (Zipf-like: one dominant supplier, a tail), two rows per partner (QUANTITY_IN_100KG, VALUE_IN_EUROS).
/// Every row is a pure function of its index, so the file can be written in series order (sorted) or in a
/// scattered order (a multiplicative permutation of the row indices: no two neighbouring rows share a
/// series) without holding the rows in memory.
/// </summary>
internal sealed class SdmxCsvGenerator
{
    public const string Header = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE";
    public const int Slots = 16;
    public const int Months = 240;

    private static readonly string[] Reporters =
    [
        "EU27_2020", "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    private static readonly string[] Partners = BuildPartners();

    private readonly string[] products;

    /// <param name="targetRows">Rows wanted; the product count follows (about 14.9 rows per reporter, product and month).</param>
    public SdmxCsvGenerator(long targetRows)
    {
        var perProduct = Reporters.Length * Months * 14.9;
        var count = (int)Math.Clamp(Math.Round(targetRows / perProduct), 1, 10_000);
        products = Enumerable.Range(0, count).Select(i => (26_000_000 + (i * 1013)).ToString("D8", CultureInfo.InvariantCulture)).ToArray();
    }

    public int ProductCount => products.Length;

    /// <summary>Slots in the row-index space: cells x partner slots x 2 indicators (absent slots are skipped).</summary>
    private long SlotCount => (long)Reporters.Length * products.Length * Months * Slots * 2;

    /// <summary>Writes the file; <paramref name="scattered"/> permutes the rows. Returns the rows written.</summary>
    public long Write(string path, bool scattered)
    {
        var n = SlotCount;
        // A multiplier coprime with n visits every index once: i -> i * a mod n.
        var a = 0x9E3779B1L % n;
        while (Gcd(a, n) != 1)
        {
            a++;
        }

        long rows = 0;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var used = Encoding.ASCII.GetBytes(Header + "\n", buffer);
        for (long i = 0; i < n; i++)
        {
            var index = scattered ? (long)((UInt128)(ulong)i * (ulong)a % (ulong)n) : i;
            if (buffer.Length - used < 256)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            var written = WriteRow(index, buffer.AsSpan(used));
            if (written > 0)
            {
                used += written;
                rows++;
            }
        }

        stream.Write(buffer, 0, used);
        return rows;
    }

    private static long Gcd(long x, long y)
    {
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return x;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    private int WriteRow(long index, Span<byte> into)
    {
        // Row index = (((reporter * products + product) * slots + slot) * months + month) * 2 + indicator:
        // in index order the rows of a series (reporter, partner, product, flow) are contiguous, as Eurostat writes them.
        var indicator = (int)(index & 1);
        var rest = index >> 1;
        var month = (int)(rest % Months);
        rest /= Months;
        var slot = (int)(rest % Slots);
        rest /= Slots;
        var product = (int)(rest % products.Length);
        var reporter = (int)(rest / products.Length);
        var cell = ((((long)reporter * products.Length) + product) * Months) + month;
        var h = Mix((ulong)cell + 0x1234567UL);
        var partners = 1 + (int)(h % 14); // 1..14 partners, mean 7.5
        if (slot >= partners)
        {
            return 0;
        }

        // The product's ranking of partners (fixed per product), so the same suppliers dominate over time.
        var partner = Partners[(int)((Mix((ulong)product * 131 + (ulong)slot) % 13) + ((ulong)slot * 13)) % Partners.Length];
        var scale = 1 + (long)((h >> 20) % 1000);
        var noise = 0.5 + ((Mix(((ulong)cell * Slots) + (ulong)slot) % 1000) / 1000d);
        var quantity100Kg = (long)(scale * 1000d / Math.Pow(slot + 1, 1.3) * noise) + 1;
        var year = 2005 + (month / 12);
        var mm = (month % 12) + 1;
        var ok = indicator == 0
            ? System.Text.Unicode.Utf8.TryWrite(into, CultureInfo.InvariantCulture, $"ESTAT:DS-045409(1.0),09/04/25,M,{Reporters[reporter]},{partner},{products[product]},1,QUANTITY_IN_100KG,{year:D4}-{mm:D2},{quantity100Kg}.{(cell + slot) % 10}0\n", out var written)
            : System.Text.Unicode.Utf8.TryWrite(into, CultureInfo.InvariantCulture, $"ESTAT:DS-045409(1.0),09/04/25,M,{Reporters[reporter]},{partner},{products[product]},1,VALUE_IN_EUROS,{year:D4}-{mm:D2},{quantity100Kg * (20 + (long)(h % 400))}\n", out written);
        return ok ? written : throw new InvalidOperationException("row buffer too small");
    }

    private static string[] BuildPartners()
    {
        var excluded = new HashSet<string>(Reporters, StringComparer.Ordinal)
        {
            "QP", "QQ", "QR", "QS", "QU", "QV", "QW", "QX", "QY", "QZ", "EU", "EA", "XX",
        };
        return Enumerable.Range(0, 26 * 26)
            .Select(i => $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}")
            .Where(c => !excluded.Contains(c))
            .Take(208)
            .ToArray();
    }
}
