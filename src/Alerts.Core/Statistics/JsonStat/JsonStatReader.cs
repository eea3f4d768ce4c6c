using System.Globalization;
using System.Text.Json;
using Alerts.Core.Statistics.Parsing;

namespace Alerts.Core.Statistics.JsonStat;

/// <summary>
/// Reads a Comext statistics-API response (JSON-stat 2.0, dataset DS-045409). Eurostat writes <c>value</c>
/// before <c>id</c>/<c>size</c>/<c>dimension</c>, so the cells are kept (index and number, not the text)
/// until the dimensions are known; the payload itself is streamed. Indicators of one cell are merged into one
/// observation; cells with neither quantity nor value are not emitted.
/// </summary>
public static class JsonStatReader
{
    private const string SourceName = "Comext JSON-stat";

    private static readonly string[] Required = ["reporter", "partner", "product", "flow", "indicators", "time"];
    private static readonly HashSet<string> Known = ["freq", "reporter", "partner", "product", "flow", "indicators", "time"];

    /// <summary>Reads the payload; throws <see cref="TradeDataFormatException"/> naming the JSON path on bad input.</summary>
    public static TradeDataSet Read(Stream stream, string origin, TradeDataReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TradeDataReaderOptions.Default;
        var errors = new PayloadErrors(SourceName, origin);
        using var limited = new SizeLimitedStream(stream, options.MaxBytes, errors.TooLarge);
        using var json = new JsonTokenStream(limited, errors);
        var doc = new Document();
        json.Next("$");
        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw errors.At("$", $"expected a JSON-stat dataset object, found {json.Describe()}");
        }

        while (true)
        {
            json.Next("$");
            if (json.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = json.GetString();
            var path = "$." + name;
            json.Next(path);
            switch (name)
            {
                case "updated":
                    doc.Updated = ExpectString(json, errors, path);
                    break;
                case "class":
                    var cls = ExpectString(json, errors, path);
                    if (cls != "dataset")
                    {
                        throw errors.At(path, $"expected class \"dataset\", found \"{cls}\"");
                    }

                    break;
                case "value":
                    ReadValues(json, errors, options, doc);
                    break;
                case "id":
                    doc.Ids = ReadStringArray(json, errors, path);
                    break;
                case "size":
                    doc.Sizes = ReadSizes(json, errors, path);
                    break;
                case "dimension":
                    ReadDimensions(json, errors, doc);
                    break;
                case "error":
                case "warning":
                    throw errors.At(path, $"the source reported a{(name == "error" ? "n error" : " warning")}: {CollectText(json, path)}");
                default:
                    json.SkipValue(path);
                    break;
            }
        }

        if (json.Read("$"))
        {
            throw errors.At("$", "unexpected content after the JSON document");
        }

        return Build(doc, errors, options, origin);
    }

    private static TradeDataSet Build(Document doc, PayloadErrors errors, TradeDataReaderOptions options, string origin)
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

        if (doc.DenseLength is { } dense && dense != cells)
        {
            throw errors.At("$.value", string.Create(CultureInfo.InvariantCulture, $"dense array has {dense} entries but the dimension sizes give {cells} cells"));
        }

        var at = doc.Ids.ToList();
        int iRep = at.IndexOf("reporter"), iPar = at.IndexOf("partner"), iProd = at.IndexOf("product"), iFlow = at.IndexOf("flow"), iInd = at.IndexOf("indicators"), iTime = at.IndexOf("time");
        var flows = ParseAll(codes[iFlow], "flow", errors, c => ComextIndicators.TryParseFlow(c, out var f) ? f : (TradeFlow?)null);
        var periods = ParseAll(codes[iTime], "time", errors, c => Period.TryParse(c, out var p) ? p : (Period?)null);
        var indicatorKinds = codes[iInd].Select(c => c switch
        {
            ComextIndicators.QuantityIn100Kg => 1,
            ComextIndicators.ValueInEuros => 2,
            ComextIndicators.SupplementaryQuantity => 0,
            _ => throw errors.At("$.dimension.indicators.category.index", $"unknown indicator '{c}' (expected {ComextIndicators.QuantityIn100Kg} or {ComextIndicators.ValueInEuros})"),
        }).ToArray();

        var merged = new Dictionary<long, Cell>();
        for (var k = 0; k < doc.Indices.Count; k++)
        {
            var index = doc.Indices[k];
            if (index >= cells)
            {
                throw errors.At(CellPath(index, doc.Dense), string.Create(CultureInfo.InvariantCulture, $"index {index} is outside the {cells} cells the dimensions describe"));
            }

            var ind = (int)(index / strides[iInd] % doc.Sizes[iInd]);
            var kind = indicatorKinds[ind];
            if (kind == 0)
            {
                continue;
            }

            var amount = doc.Values[k];
            if (kind == 1)
            {
                amount *= 100m;
            }

            amount = AmountRules.Normalize(amount);

            var problem = AmountRules.Check(amount, options.MaxAmount, kind == 1 ? "quantity (kg)" : "value (EUR)");
            if (problem is not null)
            {
                throw errors.At(CellPath(index, doc.Dense), problem);
            }

            var key = index - (ind * strides[iInd]);
            ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(merged, key, out _);
            if (kind == 1 ? cell.HasQuantity : cell.HasValue)
            {
                throw errors.At(CellPath(index, doc.Dense), "the same cell is given twice");
            }

            if (kind == 1)
            {
                cell.QuantityKg = amount;
                cell.HasQuantity = true;
            }
            else
            {
                cell.Value = amount;
                cell.HasValue = true;
            }
        }

        var observations = new List<TradeObservation>(merged.Count);
        foreach (var (key, cell) in merged)
        {
            int Coord(int d) => (int)(key / strides[d] % doc.Sizes[d]);
            observations.Add(new TradeObservation(
                codes[iRep][Coord(iRep)],
                codes[iPar][Coord(iPar)],
                codes[iProd][Coord(iProd)],
                flows[Coord(iFlow)],
                periods[Coord(iTime)],
                cell.QuantityKg,
                cell.Value,
                ComextIndicators.Currency));
        }

        DataVintage.TryParse(doc.Updated, out var vintage);
        if (doc.Updated is not null && !vintage.IsKnown)
        {
            vintage = new DataVintage(doc.Updated, null);
        }

        return new TradeDataSet(TradeDataSource.Comext, TradeDataFormat.ComextJsonStat, origin, vintage, observations);
    }

    private static T[] ParseAll<T>(string[] codes, string dimension, PayloadErrors errors, Func<string, T?> parse)
        where T : struct =>
        codes.Select(c => parse(c) ?? throw errors.At($"$.dimension.{dimension}.category.index", $"'{c}' is not a valid {dimension} code")).ToArray();

    private static void ReadValues(JsonTokenStream json, PayloadErrors errors, TradeDataReaderOptions options, Document doc)
    {
        // Paths are built only when something is wrong: formatting one per cell would dominate the parse.
        if (json.TokenType == JsonTokenType.StartObject)
        {
            while (true)
            {
                json.Next("$.value");
                if (json.TokenType == JsonTokenType.EndObject)
                {
                    return;
                }

                if (!json.TryGetInt64(out var index) || index < 0)
                {
                    var keyText = json.GetString();
                    throw errors.At($"$.value['{keyText}']", $"'{keyText}' is not a cell index (a non-negative integer)");
                }

                json.Next("$.value");
                AddValue(json, errors, options, doc, index, dense: false);
            }
        }

        if (json.TokenType == JsonTokenType.StartArray)
        {
            long index = 0;
            while (true)
            {
                json.Next("$.value");
                if (json.TokenType == JsonTokenType.EndArray)
                {
                    doc.DenseLength = index;
                    return;
                }

                AddValue(json, errors, options, doc, index, dense: true);
                index++;
            }
        }

        throw errors.At("$.value", $"expected an object (sparse) or an array (dense), found {json.Describe()}");
    }

    private static string CellPath(long index, bool dense) =>
        dense ? string.Create(CultureInfo.InvariantCulture, $"$.value[{index}]") : string.Create(CultureInfo.InvariantCulture, $"$.value['{index}']");

    private static void AddValue(JsonTokenStream json, PayloadErrors errors, TradeDataReaderOptions options, Document doc, long index, bool dense)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                return; // missing or confidential: no figure, not zero
            case JsonTokenType.Number:
                if (!json.TryGetDecimal(out var value))
                {
                    throw errors.At(CellPath(index, dense), $"number {json.GetString()} is out of range");
                }

                if (doc.Indices.Count >= options.MaxObservations)
                {
                    throw errors.At(CellPath(index, dense), string.Create(CultureInfo.InvariantCulture, $"more than {options.MaxObservations} cells"));
                }

                doc.Indices.Add(index);
                doc.Values.Add(value);
                doc.Dense = dense;
                return;
            default:
                throw errors.At(CellPath(index, dense), $"expected a number or null, found {json.Describe()}");
        }
    }

    private static void ReadDimensions(JsonTokenStream json, PayloadErrors errors, Document doc)
    {
        ExpectStart(json, errors, "$.dimension", JsonTokenType.StartObject);
        while (true)
        {
            json.Next("$.dimension");
            if (json.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var id = json.GetString();
            var path = $"$.dimension.{id}";
            json.Next(path);
            ExpectStart(json, errors, path, JsonTokenType.StartObject);
            while (true)
            {
                json.Next(path);
                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var prop = json.GetString();
                json.Next(path + "." + prop);
                if (prop != "category")
                {
                    json.SkipValue(path + "." + prop);
                    continue;
                }

                ExpectStart(json, errors, path + ".category", JsonTokenType.StartObject);
                while (true)
                {
                    json.Next(path + ".category");
                    if (json.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var cprop = json.GetString();
                    var cpath = path + ".category." + cprop;
                    json.Next(cpath);
                    if (cprop == "index")
                    {
                        doc.Categories[id] = ReadIndex(json, errors, cpath);
                    }
                    else
                    {
                        json.SkipValue(cpath);
                    }
                }
            }
        }
    }

    /// <summary>JSON-stat allows the index as <c>{"code": position}</c> or as an array of codes in order.</summary>
    private static string[] ReadIndex(JsonTokenStream json, PayloadErrors errors, string path)
    {
        if (json.TokenType == JsonTokenType.StartArray)
        {
            var list = ReadStringArray(json, errors, path);
            if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
            {
                throw errors.At(path, "lists a category twice");
            }

            return [.. list];
        }

        ExpectStart(json, errors, path, JsonTokenType.StartObject);
        var pairs = new List<(string Code, long Position)>();
        while (true)
        {
            json.Next(path);
            if (json.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var code = json.GetString();
            json.Next($"{path}.{code}");
            if (json.TokenType != JsonTokenType.Number || !json.TryGetInt64(out var pos))
            {
                throw errors.At($"{path}.{code}", $"expected an integer position, found {json.Describe()}");
            }

            pairs.Add((code, pos));
        }

        var result = new string[pairs.Count];
        foreach (var (code, pos) in pairs)
        {
            if (pos < 0 || pos >= pairs.Count || result[pos] is not null)
            {
                throw errors.At($"{path}.{code}", string.Create(CultureInfo.InvariantCulture, $"position {pos} is out of range or used twice (positions must be 0..{pairs.Count - 1})"));
            }

            result[pos] = code;
        }

        return result;
    }

    private static List<string> ReadStringArray(JsonTokenStream json, PayloadErrors errors, string path)
    {
        ExpectStart(json, errors, path, JsonTokenType.StartArray);
        var list = new List<string>();
        while (true)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}[{list.Count}]");
            json.Next(where);
            if (json.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(ExpectString(json, errors, where));
        }
    }

    private static List<int> ReadSizes(JsonTokenStream json, PayloadErrors errors, string path)
    {
        ExpectStart(json, errors, path, JsonTokenType.StartArray);
        var list = new List<int>();
        while (true)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}[{list.Count}]");
            json.Next(where);
            if (json.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            if (json.TokenType != JsonTokenType.Number || !json.TryGetInt64(out var size) || size < 1 || size > 10_000_000)
            {
                throw errors.At(where, $"expected a positive integer size, found {json.Describe()}");
            }

            list.Add((int)size);
        }
    }

    private static string ExpectString(JsonTokenStream json, PayloadErrors errors, string path) =>
        json.TokenType == JsonTokenType.String ? json.GetString() : throw errors.At(path, $"expected a string, found {json.Describe()}");

    private static void ExpectStart(JsonTokenStream json, PayloadErrors errors, string path, JsonTokenType type)
    {
        if (json.TokenType != type)
        {
            throw errors.At(path, $"expected {(type == JsonTokenType.StartObject ? "an object" : "an array")}, found {json.Describe()}");
        }
    }

    /// <summary>Gathers the strings and numbers of an error/warning value into one line.</summary>
    internal static string CollectText(JsonTokenStream json, string path)
    {
        var parts = new List<string>();
        if (json.TokenType is JsonTokenType.String or JsonTokenType.Number)
        {
            return json.GetString();
        }

        if (json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return json.Describe();
        }

        var depth = json.Depth;
        do
        {
            json.Next(path);
            if (json.TokenType is JsonTokenType.String or JsonTokenType.Number && parts.Count < 10)
            {
                parts.Add(json.GetString());
            }
        }
        while (!(json.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && json.Depth == depth));

        return parts.Count == 0 ? "(no details)" : string.Join(" ", parts);
    }

    private sealed class Document
    {
        public string? Updated { get; set; }

        public List<string>? Ids { get; set; }

        public List<int>? Sizes { get; set; }

        public Dictionary<string, string[]> Categories { get; } = new(StringComparer.Ordinal);

        public List<long> Indices { get; } = [];

        public List<decimal> Values { get; } = [];

        public long? DenseLength { get; set; }

        public bool Dense { get; set; }
    }

    private struct Cell
    {
        public decimal? QuantityKg;
        public decimal? Value;
        public bool HasQuantity;
        public bool HasValue;
    }
}
