namespace Alerts.Pull.Statistics.SdmxCsv;

/// <summary>What <see cref="SdmxCsvReader"/> keeps while reading: the header's positions, every series so far, the last row's series.</summary>
internal sealed class SdmxCsvReadState(int[] columns, int columnCount)
{
    public int[] Columns { get; } = columns;

    public int ColumnCount { get; } = columnCount;

    public int LastLine { get; set; } = 1;

    public (string Freq, string Reporter, string Partner, string Product, string Flow)? Current { get; set; }

    public SdmxCsvSeriesCells? CurrentCells { get; set; }

    public string LastUpdateText { get; set; } = "\0";

    /// <summary>Every series read so far, in the order of first appearance, with its cells.</summary>
    public OrderedDictionary<(string, string, string, string, string), SdmxCsvSeriesCells> Series { get; } = [];

    public Dictionary<string, Period> Periods { get; } = new(StringComparer.Ordinal);
}

/// <summary>The cells of one series by period.</summary>
internal sealed class SdmxCsvSeriesCells(TradeFlow flow)
{
    public TradeFlow Flow { get; } = flow;

    public Dictionary<Period, SdmxCell> Cells { get; } = [];
}

/// <summary>Both indicators of one series and period, with the lines that gave them (for a duplicate's message).</summary>
internal struct SdmxCell
{
    public decimal? QuantityKg;
    public decimal? Value;
    public bool HasQuantity;
    public bool HasValue;
    public int QuantityLine;
    public int ValueLine;
}
