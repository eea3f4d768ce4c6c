namespace Alerts.Pull.Statistics.Comtrade;

/// <summary>The fields of one Comtrade record the reader uses, as given (null when absent or null).</summary>
internal sealed class ComtradeRecord
{
    public string? Freq { get; set; }

    public int? RefYear { get; set; }

    public int? RefMonth { get; set; }

    public string? Period { get; set; }

    public int? Reporter { get; set; }

    public int? Partner { get; set; }

    public int? Partner2 { get; set; }

    public string? Flow { get; set; }

    public string? Product { get; set; }

    public string? Customs { get; set; }

    public int? Mot { get; set; }

    public decimal? NetWgt { get; set; }

    public decimal? PrimaryValue { get; set; }
}
