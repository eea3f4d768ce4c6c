using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Parsing;
using Alerts.Pull.Statistics.Scope;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Compute.Engine;

/// <summary>What <see cref="SdmxCsvEngineLoader.Load"/> found in the file.</summary>
/// <param name="Vintage">Latest <c>LAST UPDATE</c>.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="HasAnnual">Some in-scope observation has an annual period.</param>
/// <param name="HasMonthly">Some in-scope observation has a monthly period.</param>
public sealed record SdmxCsvLoad(DataVintage Vintage, long Rows, bool HasAnnual, bool HasMonthly);

/// <summary>
/// Loads a Comext SDMX-CSV file straight into an <see cref="IndexEngine"/>, in any row order, without an object per
/// row: one thread splits the bytes in place, interns codes and parses amounts from UTF-8 into exact decimals; a
/// second adds the rows of the partners in scope to the engine's per-partner sums. It checks what
/// <see cref="SdmxCsvReader"/> checks, with the same messages (header, column count, codes, flow, freq, LAST UPDATE,
/// period, indicator, amount, and an indicator repeated for one series, partner and period, naming both lines), and
/// reports the first problem in file order, so the engine sees the data the reader would give. A repeated indicator
/// is caught by marks on the engine's per-partner entries (rows without an amount, and partners out of scope, in a
/// set of 8 bytes a row). Memory: the engine's sums and a few MB of buffers, whatever the file size. Files it does
/// not handle (a quoted field spanning lines, more than 1023 reporters, 4095 partners or 262143 products) return
/// null: read those with <see cref="SdmxCsvReader"/>.
/// </summary>
public sealed class SdmxCsvEngineLoader
{
    private const string SourceName = "Comext SDMX-CSV";
    private const int ChunkRows = 1 << 14;
    private const byte WeightSeen = 4;
    private const byte ValueSeen = 8;
    private static readonly SearchValues<byte> CodeBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"u8);

    private readonly IndexEngine engine;
    private readonly PartnerScopeKind scope;
    private readonly Parser parser;
    private readonly List<sbyte[]> inScope = []; // [reporter][partner]: 0 unknown, 1 in, -1 out
    private readonly List<SeriesState?[]> series = []; // [reporter][product * 2 + export]
    private int[] partnerIds = [];
    private CellSet others = new(1 << 10); // rows without an amount, or out of scope
    private bool hasAnnual;
    private bool hasMonthly;

    private SdmxCsvEngineLoader(IndexEngine engine, PartnerScopeKind scope, Parser parser)
    {
        this.engine = engine;
        this.scope = scope;
        this.parser = parser;
    }

    /// <summary>
    /// Reads <paramref name="path"/> into <paramref name="engine"/> (partners of <paramref name="scope"/> only).
    /// Throws <see cref="TradeDataFormatException"/> naming the line on bad input (the engine then holds part of the
    /// file: drop it); returns null when the file needs <see cref="SdmxCsvReader"/>.
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

        var load = Run(file, origin, options, engine, scope, Math.Clamp(Environment.ProcessorCount, 1, 2), out var failure);
        if (failure is null)
        {
            return load;
        }

        // A problem: the first one in file order, from one consumer that stops there, on an engine thrown away.
        file.Position = 0;
        Run(file, origin, options, new IndexEngine(), scope, 1, out failure);
        throw failure ?? new TradeDataFormatException(SourceName, origin, "payload", "unreadable CSV");
    }

    /// <summary>
    /// Parses on one thread and adds to the engine on <paramref name="partitions"/> others, series split between
    /// them. Null (and no failure) when the file needs the general reader; <paramref name="failure"/> is a problem
    /// of the file: with one partition the first in file order.
    /// </summary>
    private static SdmxCsvLoad? Run(Stream file, string origin, TradeDataReaderOptions options, IndexEngine engine, PartnerScopeKind scope, int partitions, out TradeDataFormatException? failure)
    {
        failure = null;
        var parser = Parser.Open(file, origin, options);
        if (parser is null)
        {
            return null;
        }

        var loaders = new SdmxCsvEngineLoader[partitions];
        var queues = new BlockingCollection<Chunk>[partitions];
        var empties = new ConcurrentBag<Chunk>[partitions];
        for (var k = 0; k < partitions; k++)
        {
            loaders[k] = new SdmxCsvEngineLoader(engine, scope, parser);
            queues[k] = new BlockingCollection<Chunk>(4);
            empties[k] = [];
        }

        using var stop = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(() => parser.Produce(queues, empties, stop.Token), TaskCreationOptions.LongRunning);
        var consumers = new Task[partitions - 1];
        for (var k = 1; k < partitions; k++)
        {
            var loader = loaders[k];
            var (queue, empty) = (queues[k], empties[k]);
            consumers[k - 1] = Task.Factory.StartNew(() => loader.ConsumeAll(queue, empty, stop), TaskCreationOptions.LongRunning);
        }

        try
        {
            loaders[0].ConsumeAll(queues[0], empties[0], stop);
        }
        finally
        {
            Task.WaitAll(consumers);
            stop.Cancel();
            foreach (var queue in queues)
            {
                while (queue.TryTake(out _))
                {
                }
            }

            try
            {
                producer.Wait();
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
            }
        }

        var unsupported = loaders.Any(l => l.unsupported);
        foreach (var loader in loaders)
        {
            if (loader.error is not null)
            {
                failure = loader.error;
            }
            else if (loader.duplicate is { } d)
            {
                // The first occurrence, for the message: another pass over the file up to the repeated row.
                file.Position = 0;
                var first = Parser.Open(file, origin, options)!.FindFirst(d);
                var p = parser;
                failure = new TradeDataFormatException(SourceName, origin, Line(d.Line), string.Create(
                    CultureInfo.InvariantCulture,
                    $"duplicate row: {(d.Indicator == 1 ? ComextIndicators.QuantityIn100Kg : ComextIndicators.ValueInEuros)} for {p.Reporters.Name(d.Reporter)}/{p.Partners.Name(d.Partner)}/{p.Products.Name(d.Product)}/{ComextIndicators.FlowCode(d.Flow)}/{TradeBatch.DecodePeriod(d.PeriodCode)} was already given at line {first}"));
            }

            if (failure is not null)
            {
                return null;
            }
        }

        return unsupported ? null : new SdmxCsvLoad(parser.Vintage, parser.Rows, loaders.Any(l => l.hasAnnual), loaders.Any(l => l.hasMonthly));
    }

    private Duplicate? duplicate;
    private TradeDataFormatException? error;
    private bool unsupported;

    /// <summary>Adds every chunk of one partition; stops everyone at the first problem.</summary>
    private void ConsumeAll(BlockingCollection<Chunk> queue, ConcurrentBag<Chunk> empty, CancellationTokenSource stop)
    {
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable(stop.Token))
            {
                duplicate = Consume(chunk);
                error = duplicate is null ? chunk.Error : null;
                unsupported = duplicate is null && error is null && chunk.Unsupported;
                if (duplicate is not null || error is not null || unsupported)
                {
                    stop.Cancel();
                    return;
                }

                chunk.Count = 0;
                empty.Add(chunk);
            }
        }
        catch (OperationCanceledException)
        {
            // another partition stopped
        }
    }

    private static string Line(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    private static ulong Key(int reporter, int partner, int product, TradeFlow flow, int periodCode) =>
        ((ulong)(uint)reporter << 50) | ((ulong)(uint)partner << 38) | ((ulong)(uint)product << 20) | ((ulong)(flow == TradeFlow.Import ? 0 : 1) << 19) | (uint)periodCode;

    /// <summary>One parsed row: codes by the parser's ids; <see cref="Kind"/> = indicator (1 weight, 2 value) | 4 export | 8 no amount.</summary>
    private struct Row
    {
        public decimal Amount;
        public int Line;
        public int Reporter;
        public int Partner;
        public int Product;
        public int PeriodCode;
        public byte Kind;
    }

    private sealed class Chunk
    {
        public Row[] Rows { get; } = new Row[ChunkRows];

        public int Count { get; set; }

        /// <summary>The parser stopped here with this problem (after the rows before it).</summary>
        public TradeDataFormatException? Error { get; set; }

        public bool Unsupported { get; set; }
    }

    private sealed record Duplicate(int Line, int Reporter, int Partner, int Product, TradeFlow Flow, int PeriodCode, int Indicator);

    /// <summary>Adds a chunk's rows to the engine; the first repeated indicator, if any.</summary>
    private Duplicate? Consume(Chunk chunk)
    {
        var rows = chunk.Rows;
        for (var i = 0; i < chunk.Count; i++)
        {
            ref var r = ref rows[i];
            var indicator = r.Kind & 3;
            var flow = (r.Kind & 4) != 0 ? TradeFlow.Export : TradeFlow.Import;
            var noAmount = (r.Kind & 8) != 0;
            var ok = true;
            if (!InScope(r.Reporter, r.Partner))
            {
                ok = others.Add(Key(r.Reporter, r.Partner, r.Product, flow, r.PeriodCode), indicator);
            }
            else if (noAmount)
            {
                // No entry for a row without an amount (it is not an observation): only the marks are checked.
                var s = SeriesOf(r.Reporter, r.Product, flow, create: false);
                var seen = indicator == 1 ? WeightSeen : ValueSeen;
                ok = (s is null || !Marked(Entries(s, r.PeriodCode), PartnerId(r.Partner), seen))
                    && others.Add(Key(r.Reporter, r.Partner, r.Product, flow, r.PeriodCode), indicator);
            }
            else
            {
                var s = SeriesOf(r.Reporter, r.Product, flow, create: true)!;
                var code = r.PeriodCode;
                ref var cell = ref (code & 15) == 0 ? ref s.AnnualCell(code >> 4) : ref s.MonthCell(((code >> 4) * 12) + (code & 15) - 1);
                var seen = indicator == 1 ? WeightSeen : ValueSeen;
                ok = Add(ref cell, PartnerId(r.Partner), seen, indicator, r.Amount)
                    && (others.Count == 0 || !others.Contains(Key(r.Reporter, r.Partner, r.Product, flow, code), indicator));
                if ((code & 15) == 0)
                {
                    hasAnnual = true;
                }
                else
                {
                    hasMonthly = true;
                }
            }

            if (!ok)
            {
                return new Duplicate(r.Line, r.Reporter, r.Partner, r.Product, flow, r.PeriodCode, indicator);
            }
        }

        return null;
    }

    private static ReadOnlySpan<PartnerSums> Entries(SeriesState s, int code) =>
        (code & 15) != 0 ? s.MonthEntries(((code >> 4) * 12) + (code & 15) - 1)
        : s.Annual is { } annual && annual.TryGetValue(code >> 4, out var cell) ? cell.Entries : [];

    private static bool Marked(ReadOnlySpan<PartnerSums> entries, int partner, byte seen)
    {
        foreach (ref readonly var e in entries)
        {
            if (e.Partner == partner)
            {
                return (e.Flags & seen) != 0;
            }
        }

        return false;
    }

    /// <summary>Adds an amount to the partner's entry, marking the indicator seen; false when it already was.</summary>
    private static bool Add(ref Cell cell, int partner, byte seen, int indicator, decimal amount)
    {
        var items = cell.Items;
        var n = cell.Count;
        for (var j = 0; j < n; j++)
        {
            ref var e = ref items![j];
            if (e.Partner == partner)
            {
                if ((e.Flags & seen) != 0)
                {
                    return false;
                }

                if (indicator == 1)
                {
                    e.Weight += amount;
                    e.Flags |= (byte)(seen | PartnerSums.WeightReported);
                }
                else
                {
                    e.Value += amount;
                    e.Flags |= (byte)(seen | PartnerSums.ValueReported);
                }

                return true;
            }
        }

        if (items is null || n == items.Length)
        {
            Array.Resize(ref cell.Items, items is null ? 4 : n * 2);
            items = cell.Items;
        }

        items![n] = indicator == 1
            ? new PartnerSums { Partner = partner, Flags = (byte)(seen | PartnerSums.WeightReported), Weight = amount }
            : new PartnerSums { Partner = partner, Flags = (byte)(seen | PartnerSums.ValueReported), Value = amount };
        cell.Count = n + 1;
        return true;
    }

    private int PartnerId(int partner)
    {
        if (partner >= partnerIds.Length)
        {
            var old = partnerIds.Length;
            Array.Resize(ref partnerIds, Math.Max(partner + 1, old * 2));
            partnerIds.AsSpan(old).Fill(-1);
        }

        ref var id = ref partnerIds[partner];
        if (id < 0)
        {
            var name = parser.Partners.Name(partner);
            lock (engine)
            {
                id = engine.Partner(name);
            }
        }

        return id;
    }

    private SeriesState? SeriesOf(int reporter, int product, TradeFlow flow, bool create)
    {
        while (series.Count <= reporter)
        {
            series.Add([]);
        }

        var slot = (product * 2) + (flow == TradeFlow.Export ? 1 : 0);
        var byProduct = series[reporter];
        if (slot >= byProduct.Length)
        {
            Array.Resize(ref byProduct, Math.Max(slot + 2, byProduct.Length * 2));
            series[reporter] = byProduct;
        }

        if (byProduct[slot] is null && create)
        {
            var (r, p) = (parser.Reporters.Name(reporter), parser.Products.Name(product));
            lock (engine)
            {
                byProduct[slot] = engine.Series(r, p, flow);
            }
        }

        return byProduct[slot];
    }

    private bool InScope(int reporter, int partner)
    {
        while (inScope.Count <= reporter)
        {
            inScope.Add(new sbyte[4096]);
        }

        ref var known = ref inScope[reporter][partner];
        if (known == 0)
        {
            known = PartnerScope.Includes(scope, parser.Reporters.Name(reporter), parser.Partners.Name(partner)) ? (sbyte)1 : (sbyte)-1;
        }

        return known > 0;
    }

    /// <summary>
    /// (series, partner, period) keys with the indicators seen for each: open addressing over one array of
    /// <c>key &lt;&lt; 2 | indicators</c> (8 bytes a key), doubled at 70% load.
    /// </summary>
    private struct CellSet(int capacity)
    {
        private ulong[] slots = new ulong[capacity];

        public int Count { get; private set; }

        /// <summary>Marks <paramref name="indicator"/> (1 or 2) seen for the key; false when it already was.</summary>
        public bool Add(ulong key, int indicator)
        {
            if (Count * 10L >= slots.Length * 7L)
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
                    Count++;
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

        public readonly bool Contains(ulong key, int indicator)
        {
            var mask = slots.Length - 1;
            var i = (int)(Hash(key) & (ulong)mask);
            while (true)
            {
                var s = slots[i];
                if (s == 0)
                {
                    return false;
                }

                if (s >> 2 == key)
                {
                    return (s & (ulong)indicator) != 0;
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

    /// <summary>Codes by their bytes (up to 16 packed into two words; longer ones by string), ids in order of first sight.</summary>
    private sealed class Codes(int capacity)
    {
        private readonly Dictionary<string, int> longer = new(StringComparer.Ordinal);
        private readonly List<string> names = [];
        private ulong[] keys = new ulong[2 * 256];
        private int[] ids = new int[256];
        private int packedCount;

        public int Capacity { get; } = capacity;

        public int Count { get; private set; }

        /// <summary>The code of an id; safe to call from the consuming thread while the parser adds codes.</summary>
        public string Name(int id)
        {
            lock (names)
            {
                return names[id];
            }
        }

        public int Find(ReadOnlySpan<byte> code)
        {
            if (code.Length is 0 or > 16)
            {
                return code.Length == 0 ? -1 : longer.TryGetValue(Encoding.UTF8.GetString(code), out var l) ? l : -1;
            }

            var (lo, hi) = Pack(code);
            var mask = ids.Length - 1;
            var i = (int)(Hash(lo, hi) & (ulong)mask);
            while (true)
            {
                var id = ids[i];
                if (id == 0)
                {
                    return -1;
                }

                if (keys[2 * i] == lo && keys[(2 * i) + 1] == hi)
                {
                    return id - 1;
                }

                i = (i + 1) & mask;
            }
        }

        public int Add(ReadOnlySpan<byte> code)
        {
            var id = Count++;
            var name = Encoding.UTF8.GetString(code);
            lock (names)
            {
                names.Add(name);
            }

            if (code.Length > 16)
            {
                longer[name] = id;
                return id;
            }

            if ((packedCount + 1) * 2 > ids.Length)
            {
                var oldKeys = keys;
                var oldIds = ids;
                keys = new ulong[oldKeys.Length * 2];
                ids = new int[oldIds.Length * 2];
                for (var j = 0; j < oldIds.Length; j++)
                {
                    if (oldIds[j] != 0)
                    {
                        Put(oldKeys[2 * j], oldKeys[(2 * j) + 1], oldIds[j]);
                    }
                }
            }

            var (lo, hi) = Pack(code);
            Put(lo, hi, id + 1);
            packedCount++;
            return id;
        }

        private void Put(ulong lo, ulong hi, int idPlusOne)
        {
            var mask = ids.Length - 1;
            var i = (int)(Hash(lo, hi) & (ulong)mask);
            while (ids[i] != 0)
            {
                i = (i + 1) & mask;
            }

            ids[i] = idPlusOne;
            keys[2 * i] = lo;
            keys[(2 * i) + 1] = hi;
        }

        private static ulong Hash(ulong lo, ulong hi) => ((lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL)) >> 24;

        private static (ulong Lo, ulong Hi) Pack(ReadOnlySpan<byte> code)
        {
            Span<byte> b = stackalloc byte[16];
            b.Clear();
            code.CopyTo(b);
            return (BitConverter.ToUInt64(b), BitConverter.ToUInt64(b[8..]));
        }
    }

    /// <summary>Splits and checks lines, producing <see cref="Row"/>s; on the first problem it stops, passing it on.</summary>
    private sealed class Parser
    {
        private readonly string origin;
        private readonly TradeDataReaderOptions options;
        private readonly LineScanner scanner;
        private readonly int[] columns;
        private readonly int columnCount;
        private readonly byte[][] fields;
        private readonly int[] starts;
        private readonly int[] lengths;
        private byte[] lastUpdate = [];

        private Parser(LineScanner scanner, string origin, TradeDataReaderOptions options, int[] columns, int columnCount)
        {
            this.scanner = scanner;
            this.origin = origin;
            this.options = options;
            this.columns = columns;
            this.columnCount = columnCount;
            fields = new byte[columnCount][];
            starts = new int[columnCount];
            lengths = new int[columnCount];
        }

        public Codes Reporters { get; } = new(1023);

        public Codes Partners { get; } = new(4095);

        public Codes Products { get; } = new(262143);

        public DataVintage Vintage { get; private set; }

        public long Rows { get; private set; }

        public bool Unsupported { get; private set; }

        /// <summary>Reads the header; null when the file needs the general reader.</summary>
        public static Parser? Open(Stream file, string origin, TradeDataReaderOptions options)
        {
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
            return new Parser(scanner, origin, options, CheckHeader(names, origin), names.Count);
        }

        /// <summary>Parses every line into chunks for the consumers: a series always goes to the same one.</summary>
        public void Produce(BlockingCollection<Chunk>[] full, ConcurrentBag<Chunk>[] empty, CancellationToken stop)
        {
            var n = full.Length;
            var chunks = new Chunk[n];
            for (var k = 0; k < n; k++)
            {
                chunks[k] = empty[k].TryTake(out var c) ? c : new Chunk();
            }

            var lineNo = 1;
            var row = default(Row);
            try
            {
                while (scanner.Next(out var line))
                {
                    lineNo++;
                    if (!NextRow(line, lineNo, ref row))
                    {
                        if (Unsupported)
                        {
                            chunks[0].Unsupported = true;
                            break;
                        }

                        continue;
                    }

                    var k = n == 1 ? 0 : (int)((uint)((row.Reporter * 7919) + row.Product) % (uint)n);
                    var chunk = chunks[k];
                    chunk.Rows[chunk.Count] = row;
                    if (++chunk.Count == ChunkRows)
                    {
                        full[k].Add(chunk, stop);
                        chunks[k] = empty[k].TryTake(out var c) ? c : new Chunk();
                    }
                }
            }
            catch (TradeDataFormatException e)
            {
                chunks[0].Error = e;
            }
            catch (OperationCanceledException)
            {
                foreach (var q in full)
                {
                    q.CompleteAdding();
                }

                throw;
            }

            try
            {
                for (var k = 0; k < n; k++)
                {
                    full[k].Add(chunks[k], stop);
                }
            }
            finally
            {
                foreach (var q in full)
                {
                    q.CompleteAdding();
                }
            }
        }

        /// <summary>The line of the first row with the duplicate's key and indicator.</summary>
        public int FindFirst(Duplicate d)
        {
            var lineNo = 1;
            var row = default(Row);
            while (scanner.Next(out var line))
            {
                lineNo++;
                if (NextRow(line, lineNo, ref row) && row.Reporter == d.Reporter && row.Partner == d.Partner && row.Product == d.Product
                    && row.PeriodCode == d.PeriodCode && (row.Kind & 3) == d.Indicator && ((row.Kind & 4) != 0) == (d.Flow == TradeFlow.Export))
                {
                    return lineNo;
                }
            }

            return 0;
        }

        /// <summary>Parses one line into <paramref name="row"/>; false for a row without weight or value (or when unsupported).</summary>
        private bool NextRow(ReadOnlySpan<byte> line, int lineNo, ref Row row)
        {
            if (line.IsEmpty && scanner.AtEnd)
            {
                return false;
            }

            if (line.Contains((byte)'"'))
            {
                if (!SplitQuoted(line))
                {
                    Unsupported = true;
                    return false;
                }
            }
            else
            {
                Split(line, lineNo);
            }

            Rows++;
            var key = ParseRow(lineNo, out var indicator, out var amount, out var reporter, out var partner, out var product, out var flow, out var periodCode);
            if (key == 0)
            {
                return false;
            }

            row.Line = lineNo;
            row.Reporter = reporter;
            row.Partner = partner;
            row.Product = product;
            row.PeriodCode = periodCode;
            row.Amount = amount ?? 0;
            row.Kind = (byte)(indicator | (flow == TradeFlow.Export ? 4 : 0) | (amount is null ? 8 : 0));
            return true;
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
            // Fields are kept as (start, length) into a copy of the line in a reusable buffer.
            if (current.Length < line.Length)
            {
                current = new byte[Math.Max(line.Length, current.Length * 2)];
            }

            line.CopyTo(current);
            var n = 0;
            var start = 0;
            while (true)
            {
                var comma = line[start..].IndexOf((byte)',');
                var length = comma < 0 ? line.Length - start : comma;
                if (n < columnCount)
                {
                    fields[n] = current;
                    starts[n] = start;
                    lengths[n] = length;
                }

                n++;
                if (comma < 0)
                {
                    break;
                }

                start += comma + 1;
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
                Unsupported = true; // let the reader give its message for this line
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
            amount = null;
            indicator = 0;
            periodCode = 0;
            var freq = Field(columns[2]);
            reporter = Intern(Reporters, Field(columns[3]), "reporter", lineNo);
            partner = Intern(Partners, Field(columns[4]), "partner", lineNo);
            product = Intern(Products, Field(columns[5]), "product", lineNo);
            if (reporter < 0 || partner < 0 || product < 0)
            {
                Unsupported = true;
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
                Vintage = DataVintage.Latest(Vintage, v);
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
            return Key(reporter, partner, product, flow, periodCode);
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

            if (codes.Count >= codes.Capacity)
            {
                return -1;
            }

            id = codes.Add(code);
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
}
