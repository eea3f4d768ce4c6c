using System.Buffers;
using System.Globalization;
using System.Text;
using Alerts.Core.Statistics;
using Alerts.Core.Statistics.Parsing;
using Alerts.Core.Statistics.Scope;
using Alerts.Core.Statistics.SdmxCsv;

namespace Alerts.Core.Concentration;

/// <summary>What <see cref="SdmxCsvEngineLoader.Load"/> found in the file.</summary>
/// <param name="Vintage">Latest <c>LAST UPDATE</c>.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="HasAnnual">Some in-scope observation has an annual period.</param>
/// <param name="HasMonthly">Some in-scope observation has a monthly period.</param>
public sealed record SdmxCsvLoad(DataVintage Vintage, long Rows, bool HasAnnual, bool HasMonthly);

/// <summary>
/// Loads a Comext SDMX-CSV file straight into an <see cref="IndexEngine"/>, in any row order, without an object per
/// row: the bytes are split in place, codes are interned once, amounts are parsed from UTF-8 into exact decimals
/// and handed to the engine in columnar <see cref="TradeBatch"/>es of the partners in scope. It checks what
/// <see cref="SdmxCsvReader"/> checks, with the same messages (header, column count, codes, flow, freq, LAST
/// UPDATE, period, indicator, amount, and a repeated indicator for one series and period, naming both lines), so
/// the engine sees the same data the reader would give. Memory: the engine's per-partner sums plus 8 bytes per
/// (series, period) for the duplicate check, whatever the file size. Files it does not handle (a quoted field
/// spanning lines, more than 1023 reporters, 4095 partners or 262143 products) return null: read those with
/// <see cref="SdmxCsvReader"/>.
/// </summary>
public sealed class SdmxCsvEngineLoader
{
    private const string SourceName = "Comext SDMX-CSV";
    private const int ChunkRows = 1 << 20;
    private static readonly SearchValues<byte> CodeBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"u8);

    private readonly string origin;
    private readonly TradeDataReaderOptions options;
    private readonly PartnerScopeKind scope;
    private readonly Codes reporters = new(1023);
    private readonly Codes partners = new(4095);
    private readonly Codes products = new(262143);
    private readonly List<sbyte[]> inScope = []; // [reporter][partner]: 0 unknown, 1 in, -1 out
    private readonly int[] columns;
    private readonly int columnCount;
    private readonly byte[][] fields;
    private readonly int[] starts;
    private readonly int[] lengths;
    private CellSet seen = new(1 << 16);
    private byte[] lastUpdate = [];
    private DataVintage vintage;
    private TradeBatch batch = new(ChunkRows);
    private bool hasAnnual;
    private bool hasMonthly;

    private SdmxCsvEngineLoader(string origin, TradeDataReaderOptions options, PartnerScopeKind scope, int[] columns, int columnCount)
    {
        this.origin = origin;
        this.options = options;
        this.scope = scope;
        this.columns = columns;
        this.columnCount = columnCount;
        fields = new byte[columnCount][];
        starts = new int[columnCount];
        lengths = new int[columnCount];
    }

    /// <summary>
    /// Reads <paramref name="path"/> into <paramref name="engine"/> (partners of <paramref name="scope"/> only).
    /// Throws <see cref="TradeDataFormatException"/> naming the line on bad input (nothing is added then, as far as a
    /// caller that drops the engine can tell); returns null when the file needs <see cref="SdmxCsvReader"/>.
    /// </summary>
    public static SdmxCsvLoad? Load(string path, string origin, IndexEngine engine, PartnerScopeKind scope, TradeDataReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(engine);
        options ??= TradeDataReaderOptions.Default;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (file.Length > options.MaxBytes)
        {
            throw new PayloadErrors(SourceName, origin).TooLarge(options.MaxBytes);
        }

        var scanner = new LineScanner(file);
        if (!scanner.Next(out var headerLine))
        {
            return null;
        }

        var header = headerLine.StartsWith("\uFEFF"u8) ? headerLine[3..] : headerLine;
        if (header.Contains((byte)'"'))
        {
            return null;
        }

        var names = Encoding.UTF8.GetString(header).Split(',').Select(n => n.Trim()).ToList();
        var loader = new SdmxCsvEngineLoader(origin, options, scope, CheckHeader(names, origin), names.Count);
        var duplicate = loader.Run(scanner, engine, null);
        if (duplicate is { } d)
        {
            // Find the first occurrence for the message: a second pass over the file up to the repeated line.
            file.Position = 0;
            var again = new LineScanner(file);
            again.Next(out _);
            var first = new SdmxCsvEngineLoader(origin, options, scope, loader.columns, loader.columnCount).Run(again, null, d);
            throw new TradeDataFormatException(SourceName, origin, Line(d.Line), string.Create(
                CultureInfo.InvariantCulture,
                $"duplicate row: {d.Indicator} for {d.Reporter}/{d.Partner}/{d.Product}/{d.Flow}/{d.Period} was already given at line {first?.FirstLine ?? 0}"));
        }

        return loader.unsupported ? null : new SdmxCsvLoad(loader.vintage, loader.rows, loader.hasAnnual, loader.hasMonthly);
    }

    private bool unsupported;
    private long rows;

    private sealed record Duplicate(int Line, ulong Key, string Indicator, string Reporter, string Partner, string Product, TradeFlow Flow, Period Period)
    {
        public int FirstLine { get; set; }
    }

    /// <summary>Parses every line; with <paramref name="find"/>, only looks for the first line of that cell and indicator.</summary>
    private Duplicate? Run(LineScanner scanner, IndexEngine? engine, Duplicate? find)
    {
        var lineNo = 1;
        while (scanner.Next(out var line))
        {
            lineNo++;
            if (line.IsEmpty && scanner.AtEnd)
            {
                break;
            }

            if (line.Contains((byte)'"'))
            {
                if (!SplitQuoted(line))
                {
                    unsupported = true;
                    return null;
                }
            }
            else
            {
                Split(line, lineNo);
            }

            var key = ParseRow(lineNo, out var indicator, out var amount, out var reporter, out var partner, out var product, out var flow, out var periodCode);
            if (key == 0)
            {
                if (unsupported)
                {
                    return null;
                }

                continue;
            }

            if (find is not null)
            {
                if (key == find.Key && indicator == (find.Indicator == ComextIndicators.QuantityIn100Kg ? 1 : 2))
                {
                    find.FirstLine = lineNo;
                    return find;
                }

                continue;
            }

            if (!seen.Add(key, indicator))
            {
                return new Duplicate(lineNo, key, indicator == 1 ? ComextIndicators.QuantityIn100Kg : ComextIndicators.ValueInEuros, reporters.Names[reporter], partners.Names[partner], products.Names[product], flow, TradeBatch.DecodePeriod(periodCode));
            }

            if (amount is { } a && InScope(reporter, partner))
            {
                if ((periodCode & 15) == 0)
                {
                    hasAnnual = true;
                }
                else
                {
                    hasMonthly = true;
                }

                if (batch.Count == ChunkRows)
                {
                    engine!.Add(batch);
                    NewBatch();
                }

                batch.Add(reporter, product, flow, partner, TradeBatch.DecodePeriod(periodCode), indicator == 1 ? a : null, indicator == 2 ? a : null);
            }
        }

        if (find is null && engine is not null && batch.Count > 0)
        {
            engine.Add(batch);
            NewBatch();
        }

        return null;
    }

    private void NewBatch()
    {
        batch = new TradeBatch(ChunkRows);
        foreach (var r in reporters.Names)
        {
            batch.Reporters.Intern(r);
        }

        foreach (var p in products.Names)
        {
            batch.Products.Intern(p);
        }

        foreach (var p in partners.Names)
        {
            batch.Partners.Intern(p);
        }
    }

    private bool InScope(int reporter, int partner)
    {
        while (inScope.Count <= reporter)
        {
            inScope.Add(new sbyte[partners.Capacity + 1]);
        }

        ref var known = ref inScope[reporter][partner];
        if (known == 0)
        {
            known = PartnerScope.Includes(scope, reporters.Names[reporter], partners.Names[partner]) ? (sbyte)1 : (sbyte)-1;
        }

        return known > 0;
    }

    private ReadOnlySpan<byte> Field(int column)
    {
        var f = fields[column];
        var s = f.AsSpan(starts[column], lengths[column]);
        return s.Trim((byte)' ');
    }

    private byte[] current = [];

    private void Split(ReadOnlySpan<byte> line, int lineNo)
    {
        // Fields are kept as (start, length) into the line, copied once into a reusable buffer.
        if (current.Length < line.Length)
        {
            current = new byte[Math.Max(line.Length, current.Length * 2)];
        }

        line.CopyTo(current);
        var n = 0;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == (byte)',')
            {
                if (n < columnCount)
                {
                    fields[n] = current;
                    starts[n] = start;
                    lengths[n] = i - start;
                }

                n++;
                start = i + 1;
            }
        }

        if (n != columnCount)
        {
            throw Error(lineNo, string.Create(CultureInfo.InvariantCulture, $"expected {columnCount} columns as in the header, found {n}"));
        }
    }

    /// <summary>A line with quotes: RFC 4180 fields; false when a quoted field does not end on this line.</summary>
    private bool SplitQuoted(ReadOnlySpan<byte> line)
    {
        var values = new List<byte[]>();
        var field = new List<byte>();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (quoted)
            {
                if (b == (byte)'"')
                {
                    if (i + 1 < line.Length && line[i + 1] == (byte)'"')
                    {
                        field.Add(b);
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Add(b);
                }
            }
            else if (b == (byte)'"')
            {
                quoted = true;
            }
            else if (b == (byte)',')
            {
                values.Add([.. field]);
                field.Clear();
            }
            else
            {
                field.Add(b);
            }
        }

        if (quoted)
        {
            return false;
        }

        values.Add([.. field]);
        if (values.Count != columnCount)
        {
            unsupported = true; // let the reader give its message for this line
            return false;
        }

        for (var c = 0; c < columnCount; c++)
        {
            fields[c] = values[c];
            starts[c] = 0;
            lengths[c] = values[c].Length;
        }

        return true;
    }

    /// <summary>Checks one row; returns its (series, period) key (0 for a row that carries no weight or value).</summary>
    private ulong ParseRow(int lineNo, out int indicator, out decimal? amount, out int reporter, out int partner, out int product, out TradeFlow flow, out int periodCode)
    {
        rows++;
        amount = null;
        indicator = 0;
        periodCode = 0;
        var freq = Field(columns[2]);
        reporter = Intern(reporters, Field(columns[3]), "reporter", lineNo);
        partner = Intern(partners, Field(columns[4]), "partner", lineNo);
        product = Intern(products, Field(columns[5]), "product", lineNo);
        if (reporter < 0 || partner < 0 || product < 0)
        {
            unsupported = true;
            flow = 0;
            return 0;
        }

        var flowText = Field(columns[6]);
        flow = flowText.SequenceEqual("1"u8) ? TradeFlow.Import : flowText.SequenceEqual("2"u8) ? TradeFlow.Export : 0;
        if (flow == 0)
        {
            throw Error(lineNo, $"flow '{Encoding.UTF8.GetString(flowText)}' is not 1 (import) or 2 (export)");
        }

        var annual = freq.SequenceEqual("A"u8);
        if (!annual && !freq.SequenceEqual("M"u8))
        {
            throw Error(lineNo, $"freq '{Encoding.UTF8.GetString(freq)}' is not A or M");
        }

        var update = Field(columns[1]);
        if (!update.SequenceEqual(lastUpdate))
        {
            var text = Encoding.UTF8.GetString(update);
            if (!DataVintage.TryParse(text, out var v))
            {
                throw Error(lineNo, $"LAST UPDATE '{text}' is not a date (expected dd/MM/yy)");
            }

            lastUpdate = update.ToArray();
            vintage = DataVintage.Latest(vintage, v);
        }

        var periodText = Field(columns[8]);
        if (!TryPeriod(periodText, out var period))
        {
            throw Error(lineNo, $"TIME_PERIOD '{Encoding.UTF8.GetString(periodText)}' is not a period (YYYY, YYYY-MM or YYYYMmm)");
        }

        if (period.IsAnnual != annual)
        {
            throw Error(lineNo, $"TIME_PERIOD '{Encoding.UTF8.GetString(periodText)}' does not match freq '{Encoding.UTF8.GetString(freq)}'");
        }

        var indicatorText = Field(columns[7]);
        indicator = indicatorText.SequenceEqual("QUANTITY_IN_100KG"u8) ? 1
            : indicatorText.SequenceEqual("VALUE_IN_EUROS"u8) ? 2
            : indicatorText.SequenceEqual("SUPPLEMENTARY_QUANTITY"u8) ? 0
            : throw Error(lineNo, $"unknown indicator '{Encoding.UTF8.GetString(indicatorText)}' (expected {ComextIndicators.QuantityIn100Kg} or {ComextIndicators.ValueInEuros})");
        if (indicator == 0)
        {
            return 0;
        }

        amount = Amount(Field(columns[9]), columns[10] >= 0 ? Field(columns[10]) : default, indicator, lineNo);
        periodCode = TradeBatch.EncodePeriod(period);
        return ((ulong)(uint)reporter << 50) | ((ulong)(uint)partner << 38) | ((ulong)(uint)product << 20) | ((ulong)(flow == TradeFlow.Import ? 0 : 1) << 19) | (uint)periodCode;
    }

    private int Intern(Codes codes, ReadOnlySpan<byte> code, string column, int lineNo)
    {
        var id = codes.Find(code);
        if (id >= 0)
        {
            return id;
        }

        if (code.IsEmpty || code.Length > 32 || code.ContainsAnyExcept(CodeBytes))
        {
            throw Error(lineNo, $"{column} code '{Encoding.UTF8.GetString(code)}' is empty or not a code (letters, digits, '_')");
        }

        if (codes.Names.Count >= codes.Capacity)
        {
            return -1;
        }

        id = codes.Add(code);
        if (ReferenceEquals(codes, reporters))
        {
            batch.Reporters.Intern(codes.Names[id]);
        }
        else if (ReferenceEquals(codes, partners))
        {
            batch.Partners.Intern(codes.Names[id]);
        }
        else
        {
            batch.Products.Intern(codes.Names[id]);
        }

        return id;
    }

    private static bool TryPeriod(ReadOnlySpan<byte> t, out Period period)
    {
        period = default;
        if (t.Length >= 4 && D(t[0]) && D(t[1]) && D(t[2]) && D(t[3]))
        {
            var year = ((t[0] - '0') * 1000) + ((t[1] - '0') * 100) + ((t[2] - '0') * 10) + (t[3] - '0');
            if (t.Length == 4)
            {
                period = Period.Annual(year);
                return year > 0;
            }

            if (t.Length == 7 && (t[4] == (byte)'-' || t[4] == (byte)'M') && D(t[5]) && D(t[6]))
            {
                var month = ((t[5] - '0') * 10) + (t[6] - '0');
                period = Period.Monthly(year, month);
                return year > 0 && month is >= 1 and <= 12;
            }
        }

        return Period.TryParse(Encoding.UTF8.GetString(t), out period) && period.Year is > 0 and < 10000;
    }

    private static bool D(byte b) => (uint)(b - '0') <= 9;

    private decimal? Amount(ReadOnlySpan<byte> text, ReadOnlySpan<byte> flag, int indicator, int lineNo)
    {
        if (text.IsEmpty || text.SequenceEqual(":"u8) || flag.SequenceEqual("c"u8))
        {
            return null;
        }

        // Fast path: digits with an optional fraction, at most 18 digits.
        ulong mantissa = 0;
        var scale = -1;
        var digits = 0;
        var simple = true;
        foreach (var b in text)
        {
            if (D(b))
            {
                mantissa = (mantissa * 10) + (ulong)(b - '0');
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (b == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                simple = false;
                break;
            }
        }

        decimal amount;
        if (simple && digits is > 0 and <= 18 && scale != 0)
        {
            scale = Math.Max(scale, 0);
            UInt128 m = mantissa;
            if (indicator == 1)
            {
                if (scale >= 2)
                {
                    scale -= 2;
                }
                else
                {
                    m *= scale == 1 ? 10u : 100u;
                    scale = 0;
                }
            }

            while (scale > 0 && m % 10 == 0)
            {
                m /= 10;
                scale--;
            }

            amount = new decimal((int)(uint)m, (int)(uint)(m >> 32), (int)(uint)(m >> 64), false, (byte)scale);
        }
        else
        {
            var chars = Encoding.UTF8.GetString(text);
            var problem = AmountRules.TryParse(chars, out amount);
            if (problem is null)
            {
                if (indicator == 1)
                {
                    amount *= 100m;
                }

                amount = AmountRules.Normalize(amount);
            }

            if (problem is not null)
            {
                throw Error(lineNo, $"OBS_VALUE: {problem}");
            }
        }

        var check = AmountRules.Check(amount, options.MaxAmount, indicator == 1 ? "quantity (kg)" : "value (EUR)");
        return check is null ? amount : throw Error(lineNo, $"OBS_VALUE: {check}");
    }

    private TradeDataFormatException Error(int line, string problem) => new(SourceName, origin, Line(line), problem);

    private static string Line(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    /// <summary>The same header check as <see cref="SdmxCsvReader"/>.</summary>
    private static int[] CheckHeader(List<string> names, string origin)
    {
        var missing = SdmxCsvColumns.Required.Where(r => !names.Contains(r, StringComparer.Ordinal)).ToList();
        var extra = names.Where(n => n != SdmxCsvColumns.ObsFlag && !SdmxCsvColumns.Required.Contains(n, StringComparer.Ordinal)).ToList();
        var duplicated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || extra.Count > 0 || duplicated.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing column(s) {string.Join(", ", missing)}");
            }

            if (extra.Count > 0)
            {
                parts.Add($"unexpected column(s) {string.Join(", ", extra)}");
            }

            if (duplicated.Count > 0)
            {
                parts.Add($"repeated column(s) {string.Join(", ", duplicated)}");
            }

            throw new TradeDataFormatException(SourceName, origin, "line 1 (header)", $"{string.Join("; ", parts)} (expected {string.Join(",", SdmxCsvColumns.Required)}[,{SdmxCsvColumns.ObsFlag}])");
        }

        var positions = SdmxCsvColumns.Required.Select(r => names.IndexOf(r)).ToList();
        positions.Add(names.IndexOf(SdmxCsvColumns.ObsFlag));
        return [.. positions];
    }

    /// <summary>Codes by their bytes: up to 16 bytes packed into one key, longer ones by string.</summary>
    private sealed class Codes(int capacity)
    {
        private readonly Dictionary<UInt128, int> packed = [];
        private readonly Dictionary<string, int> longer = new(StringComparer.Ordinal);
        private UInt128 lastKey = UInt128.MaxValue;
        private int lastId = -1;

        public int Capacity { get; } = capacity;

        public List<string> Names { get; } = [];

        public int Find(ReadOnlySpan<byte> code)
        {
            if (code.Length is 0 or > 16)
            {
                return code.Length == 0 ? -1 : longer.TryGetValue(Encoding.UTF8.GetString(code), out var l) ? l : -1;
            }

            var key = Pack(code);
            if (key == lastKey)
            {
                return lastId;
            }

            if (!packed.TryGetValue(key, out var id))
            {
                return -1;
            }

            lastKey = key;
            lastId = id;
            return id;
        }

        public int Add(ReadOnlySpan<byte> code)
        {
            var id = Names.Count;
            var name = Encoding.UTF8.GetString(code);
            Names.Add(name);
            if (code.Length > 16)
            {
                longer[name] = id;
            }
            else
            {
                packed[Pack(code)] = id;
            }

            return id;
        }

        private static UInt128 Pack(ReadOnlySpan<byte> code)
        {
            Span<byte> b = stackalloc byte[16];
            b.Clear();
            code.CopyTo(b);
            return new UInt128(BitConverter.ToUInt64(b[8..]), BitConverter.ToUInt64(b));
        }
    }

    /// <summary>
    /// (series, period) keys with the indicators seen for each: open addressing over one array of
    /// <c>key &lt;&lt; 2 | indicators</c> (8 bytes a cell), doubled at 70% load.
    /// </summary>
    private struct CellSet(int capacity)
    {
        private ulong[] slots = new ulong[capacity];
        private int count;

        /// <summary>Marks <paramref name="indicator"/> (1 or 2) seen for the key; false when it already was.</summary>
        public bool Add(ulong key, int indicator)
        {
            if (count * 10L >= slots.Length * 7L)
            {
                Grow();
            }

            var mask = slots.Length - 1;
            var i = (int)(Hash(key) & (ulong)mask);
            var bit = (ulong)indicator;
            while (true)
            {
                var s = slots[i];
                if (s == 0)
                {
                    slots[i] = (key << 2) | bit;
                    count++;
                    return true;
                }

                if (s >> 2 == key)
                {
                    if ((s & bit) != 0)
                    {
                        return false;
                    }

                    slots[i] = s | bit;
                    return true;
                }

                i = (i + 1) & mask;
            }
        }

        private static ulong Hash(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> 20;

        private void Grow()
        {
            var old = slots;
            slots = new ulong[old.Length * 2];
            var mask = slots.Length - 1;
            foreach (var s in old)
            {
                if (s == 0)
                {
                    continue;
                }

                var i = (int)(Hash(s >> 2) & (ulong)mask);
                while (slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = s;
            }
        }
    }

    /// <summary>Lines of a stream, without the line end (LF or CRLF), from a large reusable buffer.</summary>
    private sealed class LineScanner(Stream stream)
    {
        private byte[] buffer = new byte[1 << 20];
        private int start;
        private int end;
        private bool eof;

        public bool AtEnd => eof && start >= end;

        public bool Next(out ReadOnlySpan<byte> line)
        {
            while (true)
            {
                var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    line = Trim(buffer.AsSpan(start, nl));
                    start += nl + 1;
                    return true;
                }

                if (eof)
                {
                    if (start < end)
                    {
                        line = Trim(buffer.AsSpan(start, end - start));
                        start = end;
                        return true;
                    }

                    line = default;
                    return false;
                }

                Fill();
            }
        }

        private static ReadOnlySpan<byte> Trim(Span<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

        private void Fill()
        {
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var n = stream.Read(buffer, end, buffer.Length - end);
            if (n == 0)
            {
                eof = true;
            }

            end += n;
        }
    }
}
