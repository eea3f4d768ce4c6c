using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Alerts.Cli.Commands;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Functions.Compute;
using Alerts.Functions.Http;
using Alerts.Platform.Storage;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;
using Alerts.TestKit.Storage;
using Azure.Data.Tables;

namespace Alerts.Cli.Tests;

/// <summary>
/// The index set is declared once (<see cref="IndexFields"/>): the CLI's CSV and JSON, the HTTP API's JSON and the
/// <c>indices</c> table's columns each carry exactly the declared fields, in declared order, with the declared values,
/// and no index field the declaration does not have.
/// </summary>
public sealed class IndexFieldSetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Sample = "comext/850511.json";

    // What each output has besides index fields: identity, window, coverage, the change's period and top supplier, supply.
    private static readonly string[] CliOther =
    [
        "reporter", "product", "flow", "period", "basis", "unit", "window", "monthsCovered", "complete", "fromAnnualData", "unreportedPartners",
        "previousPeriod", "previousTopSupplier", "yearAgoPeriod", "yearAgoTopSupplier", .. SupplyColumns.Fields,
    ];

    private static readonly string[] ApiOther =
        ["reporter", "product", "flow", "period", "basis", "window", "monthsCovered", "complete", "changeFromPrevious", "changeFromYearAgo", "intraEuTotal", "crma", "supplyRisk", "source", "benchmark", "mirror"];

    private static readonly string[] ApiChangeOther = ["against", "totalBefore", "totalRelative", "topSupplierBefore", "topSupplierChanged"];

    private static readonly string[] StoredOther =
    [
        "PartitionKey", "RowKey", "Timestamp", "odata.etag", "Reporter", "Product", "Flow", "Basis", "Period", "CommodityName", "TopSuppliers", "Vintage", "RunId", "Window",
        "MonthsCovered", "IntraEuTotal", "Supply", "Source",
        "ChangeFromPreviousAgainst", "TotalBeforeFromPrevious", "TopSupplierBeforeFromPrevious", "TopSupplierChangedFromPrevious",
        "ChangeFromYearAgoAgainst", "TotalBeforeFromYearAgo", "TopSupplierBeforeFromYearAgo", "TopSupplierChangedFromYearAgo",
    ];

    private static IReadOnlyList<SeriesIndices> Rows()
    {
        var observations = TradeDataReader.ReadFile(SampleFiles.Get(Sample)).Observations;
        var series = new SeriesKey("EU27_2020", "850511", TradeFlow.Import);
        return SeriesWindows.Compute(series, observations, null, [IndexSelection.Published], pulledFrom: null);
    }

    [Fact]
    public async Task CliCsv_HasExactlyTheDeclaredFieldsInOrderWithTheirValues()
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, await IndicesCommand.RunAsync(["--input", SampleFiles.Get(Sample), "--format", "csv", "--columns", "all"], stdout, TextWriter.Null, CancellationToken.None));
        var lines = stdout.ToString().TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');

        Assert.Equal(Declared("FromPrevious").Concat(Declared("FromYearAgo")), header.Except(CliOther).Where(n => !IsLevel(n)));
        Assert.Equal(IndexFields.All.Select(f => f.Name), header.Where(IsLevel));

        // The last row (2024, with a year-earlier row) against the same row computed directly.
        var expected = Rows().Single(r => r.Period == Period.Annual(2024) && r.Basis == Basis.Weight);
        var cells = lines.Single(l => l.Contains(",2024,weight,", StringComparison.Ordinal)).Split(',');
        Assert.All(IndexFields.All, f => Assert.Equal(IndexField.Text(f.Value(expected.Indices)), cells[Array.IndexOf(header, f.Name)]));
        Assert.All(IndexFields.Changed, f => Assert.Equal(IndexField.Text(f.Change(expected.ChangeFromPrevious!.Value)), cells[Array.IndexOf(header, f.ChangeName("FromPrevious"))]));
    }

    [Fact]
    public void ApiJson_HasExactlyTheStoredFieldsBeforeWindowAndTheChangedFieldsInChanges()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        HttpJson.Configure(options);
        var row = Rows().Single(r => r.Period == Period.Annual(2024) && r.Basis == Basis.Weight);

        var json = JsonNode.Parse(JsonSerializer.Serialize(IndexSummary.From(row), options))!.AsObject();

        var names = json.Select(p => p.Key).ToList();
        Assert.Equal(IndexFields.Stored.Select(f => f.Name), names.Except(ApiOther));
        Assert.Equal(names.IndexOf("window") - IndexFields.Stored.Count, names.IndexOf(IndexFields.Stored[0].Name)); // just before the window
        Assert.All(IndexFields.Stored, f => Assert.Equal(JsonSerializer.Serialize(f.Value(row.Indices)), json[f.Name]!.ToJsonString()));
        var change = json["changeFromPrevious"]!.AsObject();
        Assert.Equal(IndexFields.Changed.Select(f => f.Name), change.Select(p => p.Key).Except(ApiChangeOther));
        Assert.All(IndexFields.Changed, f => Assert.Equal(JsonSerializer.Serialize(f.Change(row.ChangeFromPrevious!.Value)), change[f.Name]!.ToJsonString()));
    }

    [Fact]
    public async Task StoredEntity_HasExactlyTheDeclaredColumnsWithTheirValues()
    {
        var account = await azurite.CreateAccountAsync();
        var row = Rows().Single(r => r.Period == Period.Annual(2024) && r.Basis == Basis.Weight);
        await new IndicesStore(account).UpsertAsync([row], "v1", "run-1", CancellationToken.None);

        var entity = Assert.Single(account.Table(StorageNames.IndicesTable).Query<TableEntity>());

        var columns = entity.Keys.ToHashSet(StringComparer.Ordinal);
        var declared = IndexFields.Stored.Select(f => f.Column)
            .Concat(IndexFields.Changed.Select(f => f.ChangeColumn("FromPrevious")))
            .Concat(IndexFields.Changed.Select(f => f.ChangeColumn("FromYearAgo")));
        Assert.Equal(declared.Order(StringComparer.Ordinal), columns.Except(StoredOther).Order(StringComparer.Ordinal));
        Assert.All(IndexFields.Stored, f => Assert.Equal(IndexColumnsText(f.Value(row.Indices)), IndexColumnsText(entity[f.Column])));
        Assert.All(IndexFields.Changed, f => Assert.Equal(IndexColumnsText(f.Change(row.ChangeFromPrevious!.Value)), IndexColumnsText(entity[f.ChangeColumn("FromPrevious")])));
        Assert.DoesNotContain(IndexFields.Derived, f => columns.Contains(f.Column)); // derived on reading, never stored
    }

    private static bool IsLevel(string name) => IndexFields.All.Any(f => f.Name == name);

    private static IEnumerable<string> Declared(string suffix) => IndexFields.Changed.Select(f => f.ChangeName(suffix));

    // Amounts are stored as exact text, the rest in their own type: compared as invariant text.
    private static string IndexColumnsText(object? value) => IndexField.Text(value);
}
