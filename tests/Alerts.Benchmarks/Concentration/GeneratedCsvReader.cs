using System.Buffers.Text;
using System.Text;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Benchmarks.Concentration;

/// <summary>
/// A streaming byte-level reader for the generator's CSV (<see cref="ComextDatasetGenerator.Header"/>):
/// no string per field, two-letter codes interned through a 64K table, longer codes through a dictionary
/// on their packed bytes, numbers parsed from UTF-8 (integers, or decimals with a '.'; empty = not
/// reported). Yields <see cref="TradeBatch"/>es of <c>chunkRows</c> rows, so memory stays bounded.
/// </summary>
internal static class GeneratedCsvReader
{
    public static IEnumerable<TradeBatch> Read(string path, int chunkRows)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var cursor = new Cursor { Buffer = new byte[1 << 22], Path = path };
        var state = new ChunkState(chunkRows);
        var eof = false;
        while (true)
        {
            if (!eof)
            {
                var read = stream.Read(cursor.Buffer, cursor.Filled, cursor.Buffer.Length - cursor.Filled);
                cursor.Filled += read;
                eof = read == 0;
            }

            // Parse until the chunk is full or the buffer holds no complete line.
            while (Parse(cursor, state, eof, chunkRows))
            {
                yield return state.Batch;
                state = new ChunkState(chunkRows);
            }

            if (eof)
            {
                break;
            }

            cursor.Compact();
        }

        if (state.Batch.Count > 0)
        {
            yield return state.Batch;
        }
    }

    // True when the chunk filled up (more lines may remain in the buffer).
    private static bool Parse(Cursor c, ChunkState state, bool eof, int chunkRows)
    {
        var data = c.Buffer.AsSpan(0, c.Filled);
        while (true)
        {
            var rest = data[c.Consumed..];
            if (rest.Length == 0)
            {
                return false;
            }

            var nl = rest.IndexOf((byte)'\n');
            if (nl < 0)
            {
                if (!eof)
                {
                    if (c.Consumed == 0 && c.Filled == c.Buffer.Length)
                    {
                        throw new FormatException($"{c.Path} line {c.LineNo + 1}: line longer than {c.Buffer.Length} bytes.");
                    }

                    return false;
                }

                nl = rest.Length; // last line without newline
            }

            var line = rest[..nl];
            c.Consumed += Math.Min(nl + 1, rest.Length);
            c.LineNo++;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (!c.HeaderSeen)
            {
                if (!line.SequenceEqual(Encoding.ASCII.GetBytes(ComextDatasetGenerator.Header)))
                {
                    throw new FormatException($"{c.Path} line 1: expected header '{ComextDatasetGenerator.Header}'.");
                }

                c.HeaderSeen = true;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            state.AddLine(line, c.Path, c.LineNo);
            if (state.Batch.Count >= chunkRows)
            {
                return true;
            }
        }
    }

    private sealed class Cursor
    {
        public required byte[] Buffer { get; init; }

        public required string Path { get; init; }

        public int Filled { get; set; }

        public int Consumed { get; set; }

        public long LineNo { get; set; }

        public bool HeaderSeen { get; set; }

        public void Compact()
        {
            Buffer.AsSpan(Consumed, Filled - Consumed).CopyTo(Buffer);
            Filled -= Consumed;
            Consumed = 0;
        }
    }

    private sealed class ChunkState(int capacity)
    {
        private readonly int[] twoLetter = CreateTwoLetter();
        private readonly Dictionary<UInt128, int> reporters = [];
        private readonly Dictionary<UInt128, int> products = [];
        private readonly byte[] lastReporterBytes = new byte[16];
        private readonly byte[] lastProductBytes = new byte[16];
        private readonly byte[] lastPeriodBytes = new byte[16];
        private int lastReporterLength = -1;
        private int lastReporter;
        private int lastProductLength = -1;
        private int lastProduct;
        private int lastPeriodLength = -1;
        private Period lastPeriod;

        public TradeBatch Batch { get; } = new(capacity);

        public void AddLine(ReadOnlySpan<byte> line, string path, long lineNo)
        {
            var reporterField = Next(ref line, path, lineNo);
            var partnerField = Next(ref line, path, lineNo);
            var productField = Next(ref line, path, lineNo);
            var flowField = Next(ref line, path, lineNo);
            var periodField = Next(ref line, path, lineNo);
            var kgField = Next(ref line, path, lineNo);
            var eurField = line;

            // Sorted files repeat reporter, product and period over many rows: compare bytes before interning.
            if (!Same(reporterField, lastReporterBytes, lastReporterLength))
            {
                lastReporter = Intern(reporters, Pack(reporterField, path, lineNo), reporterField, Batch.Reporters);
                lastReporterLength = Remember(reporterField, lastReporterBytes);
            }

            if (!Same(productField, lastProductBytes, lastProductLength))
            {
                lastProduct = Intern(products, Pack(productField, path, lineNo), productField, Batch.Products);
                lastProductLength = Remember(productField, lastProductBytes);
            }

            if (!Same(periodField, lastPeriodBytes, lastPeriodLength))
            {
                lastPeriod = ParsePeriod(periodField, path, lineNo);
                lastPeriodLength = Remember(periodField, lastPeriodBytes);
            }

            int partner;
            if (partnerField.Length == 2)
            {
                ref var slot = ref twoLetter[(partnerField[0] << 8) | partnerField[1]];
                if (slot < 0)
                {
                    slot = Batch.Partners.Intern(Encoding.ASCII.GetString(partnerField));
                }

                partner = slot;
            }
            else
            {
                partner = Batch.Partners.Intern(Encoding.ASCII.GetString(partnerField));
            }

            var flow = flowField.Length == 1 && flowField[0] is (byte)'1' or (byte)'2'
                ? (TradeFlow)(flowField[0] - '0')
                : throw new FormatException($"{path} line {lineNo}: flow '{Encoding.ASCII.GetString(flowField)}' is not 1 or 2.");
            Batch.Add(lastReporter, lastProduct, flow, partner, lastPeriod, ParseAmount(kgField, path, lineNo, "quantity_kg"), ParseAmount(eurField, path, lineNo, "value_eur"));
        }

        private static bool Same(ReadOnlySpan<byte> field, byte[] last, int length) =>
            field.Length == length && field.SequenceEqual(last.AsSpan(0, length));

        private static int Remember(ReadOnlySpan<byte> field, byte[] last)
        {
            if (field.Length > last.Length)
            {
                return -1;
            }

            field.CopyTo(last);
            return field.Length;
        }

        private static ReadOnlySpan<byte> Next(ref ReadOnlySpan<byte> line, string path, long lineNo)
        {
            var comma = line.IndexOf((byte)',');
            if (comma < 0)
            {
                throw new FormatException($"{path} line {lineNo}: expected 7 fields.");
            }

            var field = line[..comma];
            line = line[(comma + 1)..];
            return field;
        }

        private static UInt128 Pack(ReadOnlySpan<byte> field, string path, long lineNo)
        {
            if (field.Length is 0 or > 15)
            {
                throw new FormatException($"{path} line {lineNo}: code '{Encoding.ASCII.GetString(field)}' is empty or longer than 15 bytes.");
            }

            UInt128 key = (uint)field.Length;
            foreach (var b in field)
            {
                key = (key << 8) | b;
            }

            return key;
        }

        private static int Intern(Dictionary<UInt128, int> map, UInt128 key, ReadOnlySpan<byte> field, CodeTable table)
        {
            if (!map.TryGetValue(key, out var id))
            {
                id = table.Intern(Encoding.ASCII.GetString(field));
                map.Add(key, id);
            }

            return id;
        }

        private static Period ParsePeriod(ReadOnlySpan<byte> f, string path, long lineNo)
        {
            if (f.Length == 7 && f[4] == '-' && Utf8Parser.TryParse(f[..4], out int year, out var n1) && n1 == 4 && Utf8Parser.TryParse(f[5..], out int month, out var n2) && n2 == 2 && month is >= 1 and <= 12)
            {
                return new Period(year, month);
            }

            if (f.Length == 4 && Utf8Parser.TryParse(f, out int y, out var n3) && n3 == 4)
            {
                return Period.Annual(y);
            }

            throw new FormatException($"{path} line {lineNo}: period '{Encoding.ASCII.GetString(f)}' is not YYYY or YYYY-MM.");
        }

        private static decimal? ParseAmount(ReadOnlySpan<byte> f, string path, long lineNo, string field)
        {
            if (f.Length == 0)
            {
                return null;
            }

            var dot = f.IndexOf((byte)'.');
            if (dot < 0 && f.Length <= 18)
            {
                long v = 0;
                foreach (var b in f)
                {
                    var d = b - '0';
                    if ((uint)d > 9)
                    {
                        throw new FormatException($"{path} line {lineNo}: {field} '{Encoding.ASCII.GetString(f)}' is not a non-negative number.");
                    }

                    v = (v * 10) + d;
                }

                return v;
            }

            return Utf8Parser.TryParse(f, out decimal value, out var used) && used == f.Length && value >= 0
                ? value
                : throw new FormatException($"{path} line {lineNo}: {field} '{Encoding.ASCII.GetString(f)}' is not a non-negative number.");
        }

        private static int[] CreateTwoLetter()
        {
            var a = new int[65536];
            Array.Fill(a, -1);
            return a;
        }
    }
}
