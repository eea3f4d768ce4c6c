namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>One parsed row: codes by the parser's ids; <see cref="Kind"/> = indicator (1 weight, 2 value) | 4 export | 8 no amount.</summary>
internal struct ParsedRow
{
    public decimal Amount;
    public int Line;
    public int Reporter;
    public int Partner;
    public int Product;
    public int PeriodCode;
    public byte Kind;
}
