using Alerts.Core.SupplyRisk;

namespace Alerts.Pipeline.SupplyRisk;

/// <summary>Reads the files of <see cref="SupplyRiskOptions"/> into the <see cref="SupplyRiskInputs"/> the pipeline runs with.</summary>
public static class SupplyRiskInputsLoader
{
    /// <exception cref="SupplyRiskInputsException">A file is missing, unreadable or malformed; the message names the setting, the file and the line or JSON path.</exception>
    public static SupplyRiskInputs Load(SupplyRiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SupplyRiskInputs(
            Read(nameof(SupplyRiskOptions.ProductionPath), options.ProductionPath, ProductionTable.Parse) ?? ProductionTable.Empty,
            Read(nameof(SupplyRiskOptions.WgiPath), options.WgiPath, WgiTable.ParseOperatorFile) ?? WgiTable.Shipped,
            Read(nameof(SupplyRiskOptions.ParametersPath), options.ParametersPath, SupplyRiskParameters.Parse) ?? []);
    }

    private static T? Read<T>(string setting, string? path, Func<string, string, T> parse)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var file = Path.GetFullPath(path);
        var label = $"setting {SupplyRiskOptions.SectionName}:{setting}";
        string content;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SupplyRiskInputsException($"{file} ({label}): cannot be read: {e.Message}", e);
        }

        try
        {
            return parse(content, file);
        }
        catch (FormatException e)
        {
            throw new SupplyRiskInputsException($"{label}: {e.Message}", e);
        }
    }
}
