namespace Alerts.Compute.Stockpiling;

/// <summary>The operator's stock file is missing or malformed; the message names the setting, the file, the line and the field.</summary>
public sealed class StockTableException(string message, Exception? inner = null) : Exception(message, inner);
