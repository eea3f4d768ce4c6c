using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Alerts.Compute.Engine.SdmxCsvLoading;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Parsing;
using Alerts.Pull.Statistics.Scope;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Compute.Engine;

/// <summary>
/// Loads a Comext SDMX-CSV file straight into an <see cref="IndexEngine"/>, in any row order, without an object per
/// row: parsing threads split the bytes in place, intern codes and parse amounts from UTF-8 into exact decimals (on two
/// cores a file from 16 MB on is parsed as two halves cut at a line end, one thread each); two more add the rows of the
/// partners in scope to the engine's per-partner sums, the series split between them. On any problem the file is read
/// again on one thread, which names the lines. It checks what
/// <see cref="SdmxCsvReader"/> checks, with the same messages (header, column count, codes, flow, freq, LAST UPDATE,
/// period, indicator, amount, and an indicator repeated for one series, partner and period, naming both lines), and
/// reports the first problem in file order, so the engine sees the data the reader would give. A repeated indicator
/// is caught by marks on the engine's per-partner entries (rows without an amount, and partners out of scope, in a
/// set of 8 bytes a row). Memory: the engine's sums and a few MB of buffers, whatever the file size. Files it does
/// not handle (a quoted field spanning lines, more than 1023 reporters, 4095 partners or 262143 products) return
/// null: read those with <see cref="SdmxCsvReader"/>.
/// </summary>
public static class SdmxCsvEngineLoader
{
    internal const string SourceName = "Comext SDMX-CSV";

    /// <summary>
    /// Reads <paramref name="path"/> into <paramref name="engine"/> (partners of <paramref name="scope"/> only).
    /// Throws <see cref="TradeDataFormatException"/> naming the line on bad input (the engine then holds part of the
    /// file: drop it); returns null when the file needs <see cref="SdmxCsvReader"/>.
    /// </summary>
    public static SdmxCsvLoad? Load(string path, string origin, IndexEngine engine, PartnerScopeKind scope, TradeDataReaderOptions? options = null) =>
        Load(path, origin, engine, scope, options, SplitBytes);

    /// <summary>Files from this size on are parsed as two halves, each on its own thread (when there are two cores).</summary>
    internal const long SplitBytes = 16 << 20;

    /// <summary><see cref="Load(string, string, IndexEngine, PartnerScopeKind, TradeDataReaderOptions?)"/>, splitting files from <paramref name="splitBytes"/> on.</summary>
    internal static SdmxCsvLoad? Load(string path, string origin, IndexEngine engine, PartnerScopeKind scope, TradeDataReaderOptions? options, long splitBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(engine);
        options ??= TradeDataReaderOptions.Default;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (file.Length > options.MaxBytes)
        {
            throw new PayloadErrors(SourceName, origin).TooLarge(options.MaxBytes);
        }

        var load = Run(file, path, splitBytes, origin, options, engine, scope, Math.Clamp(Environment.ProcessorCount, 1, 2), out var failure);
        if (failure is null)
        {
            return load;
        }

        // A problem: the first one in file order, from one consumer that stops there, on an engine thrown away.
        file.Position = 0;
        Run(file, path, splitBytes, origin, options, new IndexEngine(), scope, 1, out failure);
        throw failure ?? new TradeDataFormatException(SourceName, origin, "payload", "unreadable CSV");
    }

    /// <summary>
    /// Parses and adds to the engine on <paramref name="partitions"/> threads each (series split between the adding
    /// ones; with more than one, a large file is parsed as two byte ranges cut at a line end). Null (and no failure)
    /// when the file needs the general reader; <paramref name="failure"/> is a problem of the file: with one partition
    /// the first in file order.
    /// </summary>
    private static SdmxCsvLoad? Run(FileStream file, string path, long splitBytes, string origin, TradeDataReaderOptions options, IndexEngine engine, PartnerScopeKind scope, int partitions, out TradeDataFormatException? failure)
    {
        failure = null;
        var parser = RowParser.Open(file, origin, options);
        if (parser is null)
        {
            return null;
        }

        using var rest = partitions > 1 && file.Length >= splitBytes ? SecondHalf(path, file, parser) : null;
        RowParser[] parsers = rest is null ? [parser] : [parser, parser.Continuation(rest)];
        var codes = new SharedCodes();
        var loaders = new PartitionLoader[partitions];
        var queues = new BlockingCollection<RowChunk>[partitions];
        var empties = new ConcurrentBag<RowChunk>[partitions];
        for (var k = 0; k < partitions; k++)
        {
            loaders[k] = new PartitionLoader(engine, scope, codes);
            queues[k] = new BlockingCollection<RowChunk>(4);
            empties[k] = [];
        }

        using var stop = new CancellationTokenSource();
        var producing = new StrongBox<int>(parsers.Length);
        var producers = parsers.Select(p => Task.Factory.StartNew(() => Produce(p, codes, queues, empties, producing, stop.Token), TaskCreationOptions.LongRunning)).ToArray();
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
                Task.WaitAll(producers);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException or InvalidOperationException))
            {
            }
        }

        var unsupported = loaders.Any(l => l.Unsupported);
        foreach (var loader in loaders)
        {
            if (loader.Error is not null)
            {
                failure = loader.Error;
            }
            else if (loader.Duplicate is { } d)
            {
                // The first occurrence, for the message: another pass over the file up to the repeated row.
                file.Position = 0;
                var first = FindFirst(RowParser.Open(file, origin, options)!, codes, d);
                failure = new TradeDataFormatException(SourceName, origin, Line(d.Line), string.Create(
                    CultureInfo.InvariantCulture,
                    $"duplicate row: {(d.Indicator == 1 ? ComextIndicators.QuantityIn100Kg : ComextIndicators.ValueInEuros)} for {codes.Reporters.Name(d.Reporter)}/{codes.Partners.Name(d.Partner)}/{codes.Products.Name(d.Product)}/{ComextIndicators.FlowCode(d.Flow)}/{TradeBatch.DecodePeriod(d.PeriodCode)} was already given at line {first}"));
            }

            if (failure is not null)
            {
                return null;
            }
        }

        var vintage = parsers.Aggregate(default(DataVintage), (v, p) => DataVintage.Latest(v, p.Vintage));
        return unsupported ? null : new SdmxCsvLoad(vintage, parsers.Sum(p => p.Rows), loaders.Any(l => l.HasAnnual), loaders.Any(l => l.HasMonthly));
    }

    /// <summary>
    /// The second half of a file for a second parser: a stream from the first line start after the middle, where
    /// <paramref name="first"/> is made to stop. Null when the first parser has read past the middle already (a small
    /// file), or there is no line end after it.
    /// </summary>
    private static FileStream? SecondHalf(string path, FileStream file, RowParser first)
    {
        if (file.Position >= file.Length / 2)
        {
            return null;
        }

        var rest = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan) { Position = file.Length / 2 };
        var buffer = new byte[4096];
        long position = rest.Position;
        int n;
        while ((n = rest.Read(buffer)) > 0)
        {
            var nl = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                rest.Position = position + nl + 1;
                first.StopAt(rest.Position, file);
                return rest;
            }

            position += n;
        }

        rest.Dispose();
        return null;
    }

    /// <summary>
    /// Parses every line of one parser's part into chunks for the consumers (ids made shared): a series always goes to
    /// the same one. The last producer to finish completes the queues.
    /// </summary>
    private static void Produce(RowParser parser, SharedCodes codes, BlockingCollection<RowChunk>[] full, ConcurrentBag<RowChunk>[] empty, StrongBox<int> producing, CancellationToken stop)
    {
        var n = full.Length;
        var chunks = new RowChunk[n];
        for (var k = 0; k < n; k++)
        {
            chunks[k] = empty[k].TryTake(out var c) ? c : new RowChunk();
        }

        var (reporters, partners, products) = (new CodeMap(parser.Reporters, codes.Reporters), new CodeMap(parser.Partners, codes.Partners), new CodeMap(parser.Products, codes.Products));
        var row = default(ParsedRow);
        try
        {
            try
            {
                while (parser.Read(ref row))
                {
                    (row.Reporter, row.Partner, row.Product) = (reporters.Shared(row.Reporter), partners.Shared(row.Partner), products.Shared(row.Product));
                    if ((row.Reporter | row.Partner | row.Product) < 0)
                    {
                        chunks[0].Unsupported = true; // more codes in the file than one parser may hold
                        break;
                    }

                    var k = n == 1 ? 0 : (int)((uint)((row.Reporter * 7919) + row.Product) % (uint)n);
                    var chunk = chunks[k];
                    chunk.Rows[chunk.Count] = row;
                    if (++chunk.Count == RowChunk.Capacity)
                    {
                        full[k].Add(chunk, stop);
                        chunks[k] = empty[k].TryTake(out var c) ? c : new RowChunk();
                    }
                }

                chunks[0].Unsupported |= parser.Unsupported;
            }
            catch (TradeDataFormatException e)
            {
                chunks[0].Error = e;
            }

            for (var k = 0; k < n; k++)
            {
                full[k].Add(chunks[k], stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // stopped: a consumer met a problem (the queues may be completed already)
            producing.Value = 0;
            Complete(full);
            throw;
        }

        if (Interlocked.Decrement(ref producing.Value) == 0)
        {
            Complete(full);
        }
    }

    private static void Complete(BlockingCollection<RowChunk>[] queues)
    {
        foreach (var q in queues)
        {
            q.CompleteAdding();
        }
    }

    /// <summary>The line of the first row with the duplicate's key and indicator.</summary>
    private static int FindFirst(RowParser parser, SharedCodes codes, DuplicateRow d)
    {
        var (reporters, partners, products) = (new CodeMap(parser.Reporters, codes.Reporters), new CodeMap(parser.Partners, codes.Partners), new CodeMap(parser.Products, codes.Products));
        var row = default(ParsedRow);
        while (parser.Read(ref row))
        {
            if (reporters.Shared(row.Reporter) == d.Reporter && partners.Shared(row.Partner) == d.Partner && products.Shared(row.Product) == d.Product
                && row.PeriodCode == d.PeriodCode && (row.Kind & 3) == d.Indicator && ((row.Kind & 4) != 0) == (d.Flow == TradeFlow.Export))
            {
                return row.Line;
            }
        }

        return 0;
    }

    internal static string Line(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");
}
