using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull;
using Alerts.Functions.Http;

namespace Alerts.TestKit.Pipeline;

/// <summary>
/// A finished recalculation's stored report as a client reads it: the products and alert changes typed, the index
/// rows as the JSON objects the API writes (their index fields come from the index set's declaration, so a client
/// reads them by name: <c>Index("hhi")</c>).
/// </summary>
public sealed record RecalculationReport(
    IReadOnlyList<ProductOutcome> Products,
    IReadOnlyList<RecalculationReport.IndexRow> Indices,
    IReadOnlyList<AlertEvent> AlertChanges)
{
    public static RecalculationReport Read(JsonElement report)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpJson.Configure(json);
        var node = JsonNode.Parse(report.GetRawText())!.AsObject();
        return new(
            node["products"].Deserialize<List<ProductOutcome>>(json)!,
            [.. node["indices"]!.AsArray().Select(row => new IndexRow(row!.AsObject()))],
            node["alertChanges"].Deserialize<List<AlertEvent>>(json)!);
    }

    /// <summary>One index row of the report.</summary>
    public sealed record IndexRow(JsonObject Json)
    {
        public string Product => (string)Json["product"]!;

        public string Basis => (string)Json["basis"]!;

        public string Period => (string)Json["period"]!;

        /// <summary>A numeric index field by its JSON name.</summary>
        public double Index(string name) => (double)Json[name]!;
    }
}
