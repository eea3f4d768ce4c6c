namespace Alerts.Pull.Catalog;

/// <summary>A raw material watched by the product, with the HS/CN codes of each processing stage.</summary>
/// <param name="Id">Stable id used in rules, alerts and URLs, e.g. <c>rare-earths</c>.</param>
/// <param name="Codes">Product codes per stage (HS6 or CN8, no dots); a stage without codes is not watched.</param>
public sealed record Commodity(string Id, string Name, bool Strategic, IReadOnlyDictionary<ProcessingStage, IReadOnlyList<string>> Codes, string? Note = null)
{
    public IReadOnlyList<string> CodesFor(ProcessingStage stage) => Codes.TryGetValue(stage, out var c) ? c : [];

    /// <summary>The product name an aggregated series carries: <c>rare-earths/metal</c>.</summary>
    public string SeriesProduct(ProcessingStage stage) => $"{Id}/{stage.ToString().ToLowerInvariant()}";
}
