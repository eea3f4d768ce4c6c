namespace Alerts.Pull.Statistics;

/// <summary>Comext DS-045409 indicator codes and how they map onto an observation.</summary>
public static class ComextIndicators
{
    public const string ValueInEuros = "VALUE_IN_EUROS";

    /// <summary>Units of 100 kg; multiplied by 100 to give kilograms.</summary>
    public const string QuantityIn100Kg = "QUANTITY_IN_100KG";

    /// <summary>Product-specific units (pieces, litres); not used for shares, ignored by the readers.</summary>
    public const string SupplementaryQuantity = "SUPPLEMENTARY_QUANTITY";

    public const string Currency = "EUR";

    /// <summary>Comext flow code: 1 = import, 2 = export.</summary>
    public static bool TryParseFlow(ReadOnlySpan<char> code, out TradeFlow flow)
    {
        flow = code switch
        {
            "1" => TradeFlow.Import,
            "2" => TradeFlow.Export,
            _ => 0,
        };
        return flow != 0;
    }

    /// <summary>The Comext flow code for a flow.</summary>
    public static string FlowCode(TradeFlow flow) => flow == TradeFlow.Import ? "1" : "2";
}
