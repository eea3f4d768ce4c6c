using System.Globalization;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.JsonStat;

/// <summary>
/// The validated dimensions of a JSON-stat dataset: turns a cell index into its indicator and a merged cell
/// key into an observation. Built from the header alone, before any cell is read.
/// </summary>
internal sealed class JsonStatCube
{
    /// <summary>0 = ignored (supplementary quantity), 1 = quantity in 100 kg, 2 = value in EUR.</summary>
    public const int Ignored = 0;
    public const int Quantity = 1;
    public const int Value = 2;

    private static readonly string[] Required = ["reporter", "partner", "product", "flow", "indicators", "time"];
    private static readonly HashSet<string> Known = ["freq", "reporter", "partner", "product", "flow", "indicators", "time"];

    private readonly string[][] _codes;
    private readonly long[] _strides;
    private readonly int[] _sizes;
    private readonly int _reporter;
    private readonly int _partner;
    private readonly int _product;
    private readonly int _flow;
    private readonly int _time;
    private readonly TradeFlow[] _flows;
    private readonly Period[] _periods;
    private readonly int[] _indicatorKinds;

    private JsonStatCube(string[][] codes, long[] strides, int[] sizes, long cells, List<string> ids, TradeFlow[] flows, Period[] periods, int[] indicatorKinds)
    {
        _codes = codes;
        _strides = strides;
        _sizes = sizes;
        Cells = cells;
        _reporter = ids.IndexOf("reporter");
        _partner = ids.IndexOf("partner");
        _product = ids.IndexOf("product");
        _flow = ids.IndexOf("flow");
        _time = ids.IndexOf("time");
        var indicators = ids.IndexOf("indicators");
        IndicatorStride = strides[indicators];
        IndicatorCount = sizes[indicators];
        _flows = flows;
        _periods = periods;
        _indicatorKinds = indicatorKinds;
    }

    /// <summary>Number of cells the dimensions describe.</summary>
    public long Cells { get; }

    /// <summary>Cells between two indicators of one observation (product of the sizes after <c>indicators</c>).</summary>
    public long IndicatorStride { get; }

    public int IndicatorCount { get; }

    /// <summary>What the cell at <paramref name="index"/> reports (<see cref="Quantity"/>, <see cref="Value"/> or <see cref="Ignored"/>).</summary>
    public int KindOf(long index) => _indicatorKinds[(int)(index / IndicatorStride % IndicatorCount)];

    /// <summary>The observation of a merged cell (its index with the indicator coordinate at 0).</summary>
    public TradeObservation Observation(long key, decimal? quantityKg, decimal? value) => new(
        _codes[_reporter][Coordinate(key, _reporter)],
        _codes[_partner][Coordinate(key, _partner)],
        _codes[_product][Coordinate(key, _product)],
        _flows[Coordinate(key, _flow)],
        _periods[Coordinate(key, _time)],
        quantityKg,
        value,
        ComextIndicators.Currency);

    /// <summary>The JSON path of a cell, built only for error messages (one per cell would dominate the parse).</summary>
    public static string CellPath(long index, bool dense) =>
        dense ? string.Create(CultureInfo.InvariantCulture, $"$.value[{index}]") : string.Create(CultureInfo.InvariantCulture, $"$.value['{index}']");

    /// <summary>Checks id, size and dimension against each other and the DS-045409 codes.</summary>
    public static JsonStatCube Build(JsonStatHeader doc, PayloadErrors errors, TradeDataReaderOptions options)
    {
        if (doc.Ids is null)
        {
            throw errors.At("$.id", "missing (the dimension order)");
        }

        if (doc.Sizes is null)
        {
            throw errors.At("$.size", "missing (the dimension sizes)");
        }

        if (doc.Ids.Count != doc.Sizes.Count)
        {
            throw errors.At("$.size", string.Create(CultureInfo.InvariantCulture, $"has {doc.Sizes.Count} entries but $.id has {doc.Ids.Count}"));
        }

        foreach (var id in doc.Ids)
        {
            if (!Known.Contains(id))
            {
                throw errors.At("$.id", $"unknown dimension '{id}' (expected {string.Join(", ", Known)})");
            }
        }

        foreach (var r in Required)
        {
            if (!doc.Ids.Contains(r))
            {
                throw errors.At("$.id", $"dimension '{r}' is missing");
            }
        }

        if (doc.Ids.Distinct(StringComparer.Ordinal).Count() != doc.Ids.Count)
        {
            throw errors.At("$.id", "lists a dimension twice");
        }

        var n = doc.Ids.Count;
        var codes = new string[n][];
        var strides = new long[n];
        long cells = 1;
        for (var d = n - 1; d >= 0; d--)
        {
            var id = doc.Ids[d];
            if (!doc.Categories.TryGetValue(id, out var categories))
            {
                throw errors.At($"$.dimension.{id}", "missing (no category index for a dimension listed in $.id)");
            }

            if (categories.Length != doc.Sizes[d])
            {
                throw errors.At($"$.dimension.{id}.category.index", string.Create(CultureInfo.InvariantCulture, $"has {categories.Length} categories but $.size[{d}] is {doc.Sizes[d]}"));
            }

            codes[d] = categories;
            strides[d] = cells;
            try
            {
                cells = checked(cells * doc.Sizes[d]);
            }
            catch (OverflowException)
            {
                throw errors.At("$.size", "the product of the dimension sizes overflows");
            }
        }

        var ind = doc.Ids.IndexOf("indicators");
        var flows = ParseAll(codes[doc.Ids.IndexOf("flow")], "flow", errors, c => ComextIndicators.TryParseFlow(c, out var f) ? f : (TradeFlow?)null);
        var periods = ParseAll(codes[doc.Ids.IndexOf("time")], "time", errors, c => Period.TryParse(c, out var p) ? p : (Period?)null);
        var kinds = codes[ind].Select(c => c switch
        {
            ComextIndicators.QuantityIn100Kg => Quantity,
            ComextIndicators.ValueInEuros => Value,
            ComextIndicators.SupplementaryQuantity => Ignored,
            _ => throw errors.At("$.dimension.indicators.category.index", $"unknown indicator '{c}' (expected {ComextIndicators.QuantityIn100Kg} or {ComextIndicators.ValueInEuros})"),
        }).ToArray();
        return new JsonStatCube(codes, strides, [.. doc.Sizes], cells, doc.Ids, flows, periods, kinds);
    }

    private int Coordinate(long key, int dimension) => (int)(key / _strides[dimension] % _sizes[dimension]);

    private static T[] ParseAll<T>(string[] codes, string dimension, PayloadErrors errors, Func<string, T?> parse)
        where T : struct =>
        codes.Select(c => parse(c) ?? throw errors.At($"$.dimension.{dimension}.category.index", $"'{c}' is not a valid {dimension} code")).ToArray();
}
