using System.Collections.Concurrent;
using System.Globalization;
using Alerts.Compute.Engine.SdmxCsvLoading;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Parsing;
using Alerts.Pull.Statistics.Scope;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Compute.Engine;

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
public static class SdmxCsvEngineLoader
{
    internal const string SourceName = "Comext SDMX-CSV";

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
        var parser = RowParser.Open(file, origin, options);
        if (parser is null)
        {
            return null;
        }

        var loaders = new PartitionLoader[partitions];
        var queues = new BlockingCollection<RowChunk>[partitions];
        var empties = new ConcurrentBag<RowChunk>[partitions];
        for (var k = 0; k < partitions; k++)
        {
            loaders[k] = new PartitionLoader(engine, scope, parser);
            queues[k] = new BlockingCollection<RowChunk>(4);
            empties[k] = [];
        }

        using var stop = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(() => Produce(parser, queues, empties, stop.Token), TaskCreationOptions.LongRunning);
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
                var first = FindFirst(RowParser.Open(file, origin, options)!, d);
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

        return unsupported ? null : new SdmxCsvLoad(parser.Vintage, parser.Rows, loaders.Any(l => l.HasAnnual), loaders.Any(l => l.HasMonthly));
    }

    /// <summary>Parses every line into chunks for the consumers: a series always goes to the same one.</summary>
    private static void Produce(RowParser parser, BlockingCollection<RowChunk>[] full, ConcurrentBag<RowChunk>[] empty, CancellationToken stop)
    {
        var n = full.Length;
        var chunks = new RowChunk[n];
        for (var k = 0; k < n; k++)
        {
            chunks[k] = empty[k].TryTake(out var c) ? c : new RowChunk();
        }

        var row = default(ParsedRow);
        try
        {
            while (parser.Read(ref row))
            {
                var k = n == 1 ? 0 : (int)((uint)((row.Reporter * 7919) + row.Product) % (uint)n);
                var chunk = chunks[k];
                chunk.Rows[chunk.Count] = row;
                if (++chunk.Count == RowChunk.Capacity)
                {
                    full[k].Add(chunk, stop);
                    chunks[k] = empty[k].TryTake(out var c) ? c : new RowChunk();
                }
            }

            chunks[0].Unsupported = parser.Unsupported;
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
    private static int FindFirst(RowParser parser, DuplicateRow d)
    {
        var row = default(ParsedRow);
        while (parser.Read(ref row))
        {
            if (row.Reporter == d.Reporter && row.Partner == d.Partner && row.Product == d.Product
                && row.PeriodCode == d.PeriodCode && (row.Kind & 3) == d.Indicator && ((row.Kind & 4) != 0) == (d.Flow == TradeFlow.Export))
            {
                return row.Line;
            }
        }

        return 0;
    }

    internal static string Line(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");
}
