using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Parsed rows handed from the parsing thread to one partition, reused once added.</summary>
internal sealed class RowChunk
{
    public const int Capacity = 1 << 14;

    public ParsedRow[] Rows { get; } = new ParsedRow[Capacity];

    public int Count { get; set; }

    /// <summary>The parser stopped here with this problem (after the rows before it).</summary>
    public TradeDataFormatException? Error { get; set; }

    public bool Unsupported { get; set; }
}
