using Alerts.Compute.SupplyRisk;

namespace Alerts.Cli.Commands;

/// <summary>
/// Reads the optional operator files of <c>alerts indices</c> (<c>--production</c>, <c>--wgi</c>,
/// <c>--supply-risk</c>) into <see cref="SupplyRiskInputs"/>; any problem is a <see cref="SupplyRiskFileException"/>
/// naming the option, the file and the line or JSON path.
/// </summary>
internal static class SupplyRiskFiles
{
    public static SupplyRiskInputs Load(string? production, string? wgi, string? parameters) => new(
        production is null ? ProductionTable.Empty : Read("--production", production, ProductionTable.Parse),
        wgi is null ? WgiTable.Shipped : Read("--wgi", wgi, WgiTable.ParseOperatorFile),
        parameters is null ? [] : Read("--supply-risk", parameters, SupplyRiskParameters.Parse));

    private static T Read<T>(string option, string path, Func<string, string, T> parse)
    {
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SupplyRiskFileException($"{option} {path}: cannot be read: {e.Message}");
        }

        try
        {
            return parse(content, path);
        }
        catch (FormatException e)
        {
            // The parsers' messages start with the file name and say where (line or JSON path) and what.
            throw new SupplyRiskFileException($"{option} {e.Message}");
        }
    }
}

/// <summary>An operator file of <c>alerts indices</c> is missing or malformed (exit code 1).</summary>
internal sealed class SupplyRiskFileException(string message) : Exception(message);
