using System.Security.Cryptography;
using System.Text;

namespace Alerts.Compute.SupplyRisk;

/// <summary>Reads the files of <see cref="SupplyRiskOptions"/> into the <see cref="SupplyRiskInputs"/> the pipeline runs with.</summary>
public static class SupplyRiskInputsLoader
{
    /// <exception cref="SupplyRiskInputsException">A file is missing, unreadable or malformed; the message names the setting, the file and the line or JSON path.</exception>
    public static SupplyRiskInputs Load(SupplyRiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var contents = new StringBuilder();
        return new SupplyRiskInputs(
            Read(nameof(SupplyRiskOptions.ProductionPath), options.ProductionPath, ProductionTable.Parse, contents) ?? ProductionTable.Empty,
            Read(nameof(SupplyRiskOptions.WgiPath), options.WgiPath, WgiTable.ParseOperatorFile, contents) ?? WgiTable.Shipped,
            Read(nameof(SupplyRiskOptions.ParametersPath), options.ParametersPath, SupplyRiskParameters.Parse, contents) ?? [])
        {
            Fingerprint = contents.Length == 0 ? SupplyRiskInputs.None.Fingerprint : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contents.ToString())))[..32],
        };
    }

    private static T? Read<T>(string setting, string? path, Func<string, string, T> parse, StringBuilder contents)
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

        contents.Append(setting).Append('\n').Append(content).Append('\n');
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
