namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The operator's CRMA and supply-risk inputs (section <c>SupplyRisk</c>), each a file path (relative paths from the
/// working directory); none set = import proxy only and no supply risk. A missing or malformed file stops the start.
/// </summary>
public sealed class SupplyRiskOptions
{
    public const string SectionName = "SupplyRisk";

    /// <summary>Domestic production, CSV <c>reporter,product,year,quantity_kg[,source]</c> or JSON <c>{"entries":[...]}</c>: enables the consumption-share proxy.</summary>
    public string? ProductionPath { get; set; }

    /// <summary>A full WGI file, CSV <c>country,year,estimate</c> with <c># source:</c>, <c># vintage:</c> (required) and <c># dimension:</c> lines; none = the shipped table.</summary>
    public string? WgiPath { get; set; }

    /// <summary>Supply-risk parameters per material and stage (JSON <c>{"materials":[...]}</c>); a stage's <c>product</c> links it to a pulled product.</summary>
    public string? ParametersPath { get; set; }
}
