using System.Globalization;
using System.Runtime.InteropServices;
using Alerts.Pull.Statistics.Parsing;
using nietras.SeparatedValues;

namespace Alerts.Pull.Statistics.SdmxCsv;

/// <summary>
/// Reads Comext SDMX-CSV (one row per indicator) as observations, merging the indicators of one
/// reporter/partner/product/flow/period, in any row order (a series may come back after others, e.g. in monthly
/// files concatenated or a file sorted by period): observations are yielded once the whole payload was read, series
/// in the order they first appear, periods in order. Duplicate rows (same series, period and indicator) are an error
/// naming both lines. For large files, the engine's SDMX-CSV loader (Alerts.Compute) loads the engine without
/// holding observations. Tolerates a UTF-8 BOM, CRLF and quoted fields; an empty
/// <c>OBS_VALUE</c> (or flag <c>c</c>) is missing, never zero.
/// </summary>
public sealed class SdmxCsvReader
{
    internal const string SourceName = "Comext SDMX-CSV";
    private readonly TradeDataReaderOptions _options;
    private readonly PayloadErrors _errors;

    private SdmxCsvReader(string origin, TradeDataReaderOptions options)
    {
        _options = options;
        _errors = new PayloadErrors(SourceName, origin);
        Origin = origin;
    }

    public string Origin { get; }

    /// <summary>Latest <c>LAST UPDATE</c> seen so far (complete once enumeration has finished).</summary>
    public DataVintage Vintage { get; private set; }

    /// <summary>Rows read so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Reads a whole payload into a data set.</summary>
    public static TradeDataSet Read(Stream stream, string origin, TradeDataReaderOptions? options = null)
    {
        var reader = new SdmxCsvReader(origin, options ?? TradeDataReaderOptions.Default);
        var observations = reader.Observations(stream).ToList();
        return new TradeDataSet(TradeDataSource.Comext, TradeDataFormat.ComextSdmxCsv, origin, reader.Vintage, observations);
    }

    /// <summary>Creates a streaming reader; enumerate <see cref="Observations"/> once, then read <see cref="Vintage"/>.</summary>
    public static SdmxCsvReader Create(string origin, TradeDataReaderOptions? options = null) =>
        new(origin, options ?? TradeDataReaderOptions.Default);

    /// <summary>Yields observations series by series, in file order.</summary>
    public IEnumerable<TradeObservation> Observations(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var limited = new SizeLimitedStream(stream, _options.MaxBytes, _errors.TooLarge);
        using var reader = Open(limited);
        var names = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        var state = new SdmxCsvReadState(SdmxCsvHeader.Check(names, Origin), names.Count);
        while (true)
        {
            try
            {
                if (!reader.MoveNext())
                {
                    break;
                }

                ProcessRow(reader.Current, state);
            }
            catch (Exception e) when (e is not TradeDataFormatException and not OperationCanceledException)
            {
                throw _errors.At(string.Create(CultureInfo.InvariantCulture, $"after line {state.LastLine}"), $"unreadable CSV: {e.Message}", e);
            }
        }

        foreach (var (key, series) in state.Series)
        {
            foreach (var o in Flush(key, series))
            {
                yield return o;
            }
        }
    }

    private void ProcessRow(SepReader.Row row, SdmxCsvReadState state)
    {
        var columns = state.Columns;
        var line = row.LineNumberFrom;
        state.LastLine = line;
        Rows++;
        if (row.ColCount != state.ColumnCount)
        {
            throw _errors.At(Line(line), string.Create(CultureInfo.InvariantCulture, $"expected {state.ColumnCount} columns as in the header, found {row.ColCount}"));
        }

        var freqSpan = row[columns[2]].Span.Trim();
        var reporterSpan = row[columns[3]].Span.Trim();
        var partnerSpan = row[columns[4]].Span.Trim();
        var productSpan = row[columns[5]].Span.Trim();
        var flowSpan = row[columns[6]].Span.Trim();
        if (state.Current is not { } cur || !cur.Freq.AsSpan().SequenceEqual(freqSpan) || !cur.Reporter.AsSpan().SequenceEqual(reporterSpan)
            || !cur.Partner.AsSpan().SequenceEqual(partnerSpan) || !cur.Product.AsSpan().SequenceEqual(productSpan) || !cur.Flow.AsSpan().SequenceEqual(flowSpan))
        {
            var key = (freqSpan.ToString(), reporterSpan.ToString(), partnerSpan.ToString(), productSpan.ToString(), flowSpan.ToString());
            var (freq, reporter, partner, product, flowText) = key;
            if (!state.Series.TryGetValue(key, out var cells))
            {
                CheckCode(reporter, "reporter", line);
                CheckCode(partner, "partner", line);
                CheckCode(product, "product", line);
                if (!ComextIndicators.TryParseFlow(flowText, out var flow))
                {
                    throw _errors.At(Line(line), $"flow '{flowText}' is not 1 (import) or 2 (export)");
                }

                if (freq is not ("A" or "M"))
                {
                    throw _errors.At(Line(line), $"freq '{freq}' is not A or M");
                }

                cells = new SdmxCsvSeriesCells(flow);
                state.Series.Add(key, cells);
            }

            state.Current = key;
            state.CurrentCells = cells;
        }

        var series = state.Current!.Value;
        var lastUpdate = row[columns[1]].Span.Trim();
        if (!lastUpdate.SequenceEqual(state.LastUpdateText))
        {
            var text = lastUpdate.ToString();
            if (!DataVintage.TryParse(text, out var v))
            {
                throw _errors.At(Line(line), $"LAST UPDATE '{text}' is not a date (expected dd/MM/yy)");
            }

            state.LastUpdateText = text;
            Vintage = DataVintage.Latest(Vintage, v);
        }

        var periodSpan = row[columns[8]].Span.Trim();
        // Looked up by span: a handful of distinct periods, millions of rows, no string per row.
        if (!state.Periods.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(periodSpan, out var period))
        {
            var periodText = periodSpan.ToString();
            if (!Period.TryParse(periodText, out period))
            {
                throw _errors.At(Line(line), $"TIME_PERIOD '{periodText}' is not a period (YYYY, YYYY-MM or YYYYMmm)");
            }

            state.Periods[periodText] = period;
        }

        if (period.IsAnnual != (series.Freq == "A"))
        {
            throw _errors.At(Line(line), $"TIME_PERIOD '{periodSpan}' does not match freq '{series.Freq}'");
        }

        var indicator = row[columns[7]].Span.Trim();
        int kind = indicator switch
        {
            ComextIndicators.QuantityIn100Kg => 1,
            ComextIndicators.ValueInEuros => 2,
            ComextIndicators.SupplementaryQuantity => 0,
            _ => throw _errors.At(Line(line), $"unknown indicator '{indicator}' (expected {ComextIndicators.QuantityIn100Kg} or {ComextIndicators.ValueInEuros})"),
        };
        if (kind == 0)
        {
            return;
        }

        var amount = ReadAmount(row[columns[9]].Span, columns[10] >= 0 ? row[columns[10]].Span : default, kind, line);
        var periods = state.CurrentCells!.Cells;
        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(periods, period, out _);
        if (kind == 1 ? cell.HasQuantity : cell.HasValue)
        {
            var name = kind == 1 ? ComextIndicators.QuantityIn100Kg : ComextIndicators.ValueInEuros;
            throw _errors.At(Line(line), string.Create(CultureInfo.InvariantCulture, $"duplicate row: {name} for {series.Reporter}/{series.Partner}/{series.Product}/{series.Flow}/{period} was already given at line {(kind == 1 ? cell.QuantityLine : cell.ValueLine)}"));
        }

        if (kind == 1)
        {
            cell.HasQuantity = true;
            cell.QuantityKg = amount;
            cell.QuantityLine = line;
        }
        else
        {
            cell.HasValue = true;
            cell.Value = amount;
            cell.ValueLine = line;
        }

        if (periods.Count > 100_000)
        {
            throw _errors.At(Line(line), "one series has more than 100000 periods");
        }
    }

    private static SepReader OpenReader(Stream stream) =>
        Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, DisableFastFloat = true }).From(stream);

    private SepReader Open(Stream stream)
    {
        try
        {
            return OpenReader(stream);
        }
        catch (Exception e) when (e is not TradeDataFormatException)
        {
            throw _errors.At("line 1", $"unreadable header: {e.Message}", e);
        }
    }

    private static string Line(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    private void CheckCode(string code, string column, int line)
    {
        if (code.Length == 0 || code.Length > 32 || code.AsSpan().ContainsAnyExcept(CodeChars))
        {
            throw _errors.At(Line(line), $"{column} code '{code}' is empty or not a code (letters, digits, '_')");
        }
    }

    private static readonly System.Buffers.SearchValues<char> CodeChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private decimal? ReadAmount(ReadOnlySpan<char> text, ReadOnlySpan<char> flag, int kind, int line)
    {
        var t = text.Trim();
        if (t.IsEmpty || t.SequenceEqual(":") || flag.Trim().SequenceEqual("c"))
        {
            return null;
        }

        var problem = AmountRules.TryParse(t, out var amount);
        if (problem is null)
        {
            if (kind == 1)
            {
                amount *= 100m;
            }

            amount = AmountRules.Normalize(amount);

            problem = AmountRules.Check(amount, _options.MaxAmount, kind == 1 ? "quantity (kg)" : "value (EUR)");
        }

        return problem is null ? amount : throw _errors.At(Line(line), $"OBS_VALUE: {problem}");
    }

    private static List<TradeObservation> Flush((string Freq, string Reporter, string Partner, string Product, string Flow) key, SdmxCsvSeriesCells series)
    {
        var list = new List<TradeObservation>(series.Cells.Count);
        foreach (var (period, cell) in series.Cells.OrderBy(c => c.Key))
        {
            if (cell.QuantityKg is null && cell.Value is null)
            {
                continue;
            }

            list.Add(new TradeObservation(key.Reporter, key.Partner, key.Product, series.Flow, period, cell.QuantityKg, cell.Value, ComextIndicators.Currency));
        }

        series.Cells.Clear();
        return list;
    }
}
