using Xunit;

namespace Alerts.TestKit.Pipeline;

/// <summary>
/// A <see cref="PipelineStack"/> with the CRMA and supply-risk settings: a production table and supply-risk parameters
/// linking the processing stage to the magnets product (850511), exports pulled too, and rules on the new metrics.
/// </summary>
public sealed class SupplyRiskPipelineStack : PipelineStack, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("alerts-supply-risk-").FullName;

    public SupplyRiskPipelineStack()
    {
        File.WriteAllText(Path.Combine(folder, "production.csv"), "reporter,product,year,quantity_kg,source\nEU27_2020,850511,2024,500000,test\n");
        File.WriteAllText(Path.Combine(folder, "supply-risk.json"), """
            {"materials":[{"material":"rare-earth magnets","year":2024,"stages":[
              {"stage":"processing","product":"850511","globalSupply":{"CN":0.9,"JP":0.1}}]}]}
            """);
        Settings = new Dictionary<string, string?>
        {
            ["Pull__IncludeExports"] = "true",
            ["SupplyRisk__ProductionPath"] = Path.Combine(folder, "production.csv"),
            ["SupplyRisk__ParametersPath"] = Path.Combine(folder, "supply-risk.json"),
            ["Rules__0__Id"] = "crma-import", ["Rules__0__Name"] = "CRMA import proxy", ["Rules__0__Metric"] = "crmaImportShare",
            ["Rules__0__Operator"] = ">", ["Rules__0__Threshold"] = "0.65", ["Rules__0__Severity"] = "critical",
            ["Rules__1__Id"] = "crma-consumption", ["Rules__1__Name"] = "CRMA consumption proxy", ["Rules__1__Metric"] = "crmaConsumptionShare",
            ["Rules__1__Operator"] = ">", ["Rules__1__Threshold"] = "0.65", ["Rules__1__Severity"] = "critical",
            ["Rules__2__Id"] = "supply-risk", ["Rules__2__Name"] = "Supply risk at the criticality threshold", ["Rules__2__Metric"] = "supplyRisk",
            ["Rules__2__Operator"] = ">=", ["Rules__2__Threshold"] = "1", ["Rules__2__Severity"] = "warning",
        };
    }

    protected override IReadOnlyDictionary<string, string?> Settings { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
