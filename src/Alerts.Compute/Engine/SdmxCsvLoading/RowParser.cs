using System.Buffers;
using System.Globalization;
using System.Text;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// Splits and checks the lines of a Comext SDMX-CSV file as <see cref="Pull.Statistics.SdmxCsv.SdmxCsvReader"/> does,
/// with its messages, into <see cref="ParsedRow"/>s: codes interned to ids, amounts parsed from the bytes. Throws
/// <see cref="TradeDataFormatException"/> naming the line at the first problem.
/// </summary>
internal sealed class RowParser
{
    private static readonly SearchValues<byte> CodeBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"u8);

    private readonly string origin;
    private readonly TradeDataReaderOptions options;
    private readonly LineScanner scanner;
    private readonly int[] columns;
    private readonly int columnCount;
    private readonly FieldSplitter fields;
    private byte[] lastUpdate = [];
    private int lineNo = 1;

    private RowParser(LineScanner scanner, string origin, TradeDataReaderOptions options, int[] columns, int columnCount)
    {
        this.scanner = scanner;
        this.origin = origin;
        this.options = options;
        this.columns = columns;
        this.columnCount = columnCount;
        fields = new FieldSplitter(columnCount);
    }

    public CodeIndex Reporters { get; } = new(1023);

    public CodeIndex Partners { get; } = new(4095);

    public CodeIndex Products { get; } = new(262143);

    public DataVintage Vintage { get; private set; }

    public long Rows { get; private set; }

    /// <summary>The file needs the general reader (a quoted field spanning lines, or too many codes).</summary>
    public bool Unsupported { get; private set; }

    /// <summary>Reads the header; null when the file needs the general reader.</summary>
    public static RowParser? Open(Stream file, string origin, TradeDataReaderOptions options)
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
        return new RowParser(scanner, origin, options, SdmxCsvHeader.Check(names, origin), names.Count);
    }

    /// <summary>
    /// A parser of the same file with this one's header, reading <paramref name="stream"/> from its position (a line
    /// start) on; its line numbers count from there, so only this file's first parser names lines.
    /// </summary>
    public RowParser Continuation(Stream stream) => new(new LineScanner(stream), origin, options, columns, columnCount);

    /// <summary>Ends this parser's part of the file at <paramref name="position"/> of <paramref name="file"/>, the stream it reads.</summary>
    public void StopAt(long position, Stream file) => scanner.Limit(position - file.Position);

    /// <summary>
    /// The next row that carries a weight or a value into <paramref name="row"/>; false at the end of the file or
    /// when <see cref="Unsupported"/>.
    /// </summary>
    public bool Read(ref ParsedRow row)
    {
        while (scanner.Next(out var offset, out var length))
        {
            lineNo++;
            if (NextRow(scanner.Buffer, offset, length, ref row))
            {
                return true;
            }

            if (Unsupported)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Parses one line into <paramref name="row"/>; false for a row without weight or value (or when unsupported).</summary>
    private bool NextRow(byte[] buffer, int offset, int length, ref ParsedRow row)
    {
        if (length == 0 && scanner.AtEnd)
        {
            return false;
        }

        var n = fields.Split(buffer, offset, length);
        if (n < 0)
        {
            if (!fields.SplitQuoted(buffer.AsSpan(offset, length)))
            {
                Unsupported = true;
                return false;
            }
        }
        else
        {
            if (n != columnCount)
            {
                throw Error(lineNo, string.Create(CultureInfo.InvariantCulture, $"expected {columnCount} columns as in the header, found {n}"));
            }
        }

        Rows++;
        if (!ParseRow(lineNo, out var indicator, out var amount, out var reporter, out var partner, out var product, out var flow, out var periodCode))
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

    /// <summary>Checks one row; false for a row that carries no weight or value.</summary>
    private bool ParseRow(int lineNo, out int indicator, out decimal? amount, out int reporter, out int partner, out int product, out TradeFlow flow, out int periodCode)
    {
        amount = null;
        indicator = 0;
        periodCode = 0;
        var freq = fields.Field(columns[2]);
        reporter = Intern(Reporters, fields.Field(columns[3]), "reporter", lineNo);
        partner = Intern(Partners, fields.Field(columns[4]), "partner", lineNo);
        product = Intern(Products, fields.Field(columns[5]), "product", lineNo);
        if (reporter < 0 || partner < 0 || product < 0)
        {
            Unsupported = true;
            flow = 0;
            return false;
        }

        var flowText = fields.Field(columns[6]);
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

        var update = fields.Field(columns[1]);
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

        var periodText = fields.Field(columns[8]);
        if (!Utf8Fields.TryPeriod(periodText, out var period))
        {
            throw Error(lineNo, $"TIME_PERIOD '{Encoding.UTF8.GetString(periodText)}' is not a period (YYYY, YYYY-MM or YYYYMmm)");
        }

        if (period.IsAnnual != annual)
        {
            throw Error(lineNo, $"TIME_PERIOD '{Encoding.UTF8.GetString(periodText)}' does not match freq '{Encoding.UTF8.GetString(freq)}'");
        }

        var indicatorText = fields.Field(columns[7]);
        indicator = indicatorText.SequenceEqual("QUANTITY_IN_100KG"u8) ? 1
            : indicatorText.SequenceEqual("VALUE_IN_EUROS"u8) ? 2
            : indicatorText.SequenceEqual("SUPPLEMENTARY_QUANTITY"u8) ? 0
            : throw Error(lineNo, $"unknown indicator '{Encoding.UTF8.GetString(indicatorText)}' (expected {ComextIndicators.QuantityIn100Kg} or {ComextIndicators.ValueInEuros})");
        if (indicator == 0)
        {
            return false;
        }

        amount = Utf8Fields.Amount(fields.Field(columns[9]), columns[10] >= 0 ? fields.Field(columns[10]) : default, indicator, options.MaxAmount, out var problem);
        if (problem is not null)
        {
            throw Error(lineNo, $"OBS_VALUE: {problem}");
        }

        periodCode = TradeBatch.EncodePeriod(period);
        return true;
    }

    private int Intern(CodeIndex codes, ReadOnlySpan<byte> code, string column, int lineNo)
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

    private TradeDataFormatException Error(int line, string problem) => new(SdmxCsvEngineLoader.SourceName, origin, SdmxCsvEngineLoader.Line(line), problem);
}
