using System.Globalization;
using System.Text.Json;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.JsonStat;

/// <summary>
/// Reads a Comext statistics-API response (JSON-stat 2.0, dataset DS-045409) as a stream of observations with
/// bounded memory: neither the payload nor its cells are held. When <c>id</c>, <c>size</c> and
/// <c>dimension</c> come before <c>value</c> one pass suffices. Eurostat writes <c>value</c> first, so then a
/// first pass reads only the small parts (skipping <c>value</c>, whose grammar it still checks) and a second
/// pass re-reads just <c>value</c>: a seekable stream is re-positioned, a non-seekable one (an HTTP body) is
/// copied while the first pass reads it, into memory up to <see cref="TradeDataReaderOptions.SpoolMemoryBytes"/>
/// and beyond that into a temporary file deleted when the read ends. The indicators of one cell are merged into
/// one observation through a buffer of one block (see <see cref="IndicatorMerger"/>); sparse keys must ascend
/// block by block (Eurostat's do), otherwise the read fails naming the key. Cells with neither quantity nor
/// value are not emitted. A streaming consumer must treat an exception as "the whole payload is bad": cells
/// before the bad one may already have been yielded; <see cref="Read"/> materialises first, so nothing of a
/// bad payload reaches its callers.
/// </summary>
public sealed class JsonStatReader
{
    private const string SourceName = "Comext JSON-stat";
    private readonly TradeDataReaderOptions _options;
    private readonly PayloadErrors _errors;
    private string? _updated;

    private JsonStatReader(string origin, TradeDataReaderOptions options)
    {
        Origin = origin;
        _options = options;
        _errors = new PayloadErrors(SourceName, origin);
    }

    public string Origin { get; }

    /// <summary>The payload's <c>updated</c> stamp (complete once enumeration has finished; known before the first observation when it precedes <c>value</c>).</summary>
    public DataVintage Vintage
    {
        get
        {
            if (DataVintage.TryParse(_updated, out var vintage))
            {
                return vintage;
            }

            return _updated is null ? DataVintage.Unknown : new DataVintage(_updated, null);
        }
    }

    /// <summary>Cells with a number read so far (both indicators and ignored ones).</summary>
    public long Cells { get; private set; }

    /// <summary>True when the last enumeration needed a second pass over <c>value</c> (it came before the dimensions).</summary>
    public bool UsedSecondPass { get; private set; }

    /// <summary>Reads the payload into a data set; throws <see cref="TradeDataFormatException"/> naming the JSON path on bad input.</summary>
    public static TradeDataSet Read(Stream stream, string origin, TradeDataReaderOptions? options = null)
    {
        var reader = Create(origin, options);
        var observations = new List<TradeObservation>();
        foreach (var observation in reader.Observations(stream))
        {
            if (observations.Count >= reader._options.MaxObservations)
            {
                throw reader._errors.At("$.value", string.Create(CultureInfo.InvariantCulture, $"more than {reader._options.MaxObservations} observations; narrow the request or read it with the streaming API"));
            }

            observations.Add(observation);
        }

        return new TradeDataSet(TradeDataSource.Comext, TradeDataFormat.ComextJsonStat, origin, reader.Vintage, observations);
    }

    /// <summary>Creates a streaming reader; enumerate <see cref="Observations"/> once, then read <see cref="Vintage"/>.</summary>
    public static JsonStatReader Create(string origin, TradeDataReaderOptions? options = null) =>
        new(origin, options ?? TradeDataReaderOptions.Default);

    /// <summary>
    /// Yields observations block by block in cell order. A seekable <paramref name="stream"/> is read from its
    /// current position and re-positioned for the second pass; it is not disposed.
    /// </summary>
    public IEnumerable<TradeObservation> Observations(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Enumerate(stream);
    }

    private IEnumerable<TradeObservation> Enumerate(Stream stream)
    {
        var errors = _errors;
        _updated = null;
        Cells = 0;
        UsedSecondPass = false;
        var start = stream.CanSeek ? stream.Position : 0;
        using var limited = new SizeLimitedStream(stream, _options.MaxBytes, errors.TooLarge);
        using var spool = stream.CanSeek ? null : new PayloadSpool(_options.SpoolMemoryBytes, _options.SpoolDirectory);
        using var source = spool is null ? (Stream)limited : new SpoolingStream(limited, spool);
        using var json = new JsonTokenStream(source, errors);
        var header = new JsonStatHeader();
        var streamed = false;
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
                    _updated = JsonStatHeader.ExpectString(json, errors, path);
                    break;
                case "class":
                    var cls = JsonStatHeader.ExpectString(json, errors, path);
                    if (cls != "dataset")
                    {
                        throw errors.At(path, $"expected class \"dataset\", found \"{cls}\"");
                    }

                    break;
                case "value":
                    if (header.HasValue)
                    {
                        throw errors.At(path, "appears twice");
                    }

                    header.HasValue = true;
                    if (header.DescribesCube)
                    {
                        // The dimensions came first: stream the cells now, nothing needs keeping for a second pass.
                        var cube = JsonStatCube.Build(header, errors, _options);
                        spool?.Stop();
                        streamed = true;
                        foreach (var observation in StreamValues(json, cube))
                        {
                            yield return observation;
                        }
                    }
                    else
                    {
                        ExpectValueContainer(json);
                        header.ValueOffset = json.Offset - 1;
                        var dense = json.TokenType == JsonTokenType.StartArray;
                        var entries = json.SkipValue(path);
                        header.DenseLength = dense ? entries : null;
                    }

                    break;
                case "id":
                    CheckOnce(header.Ids is not null, path);
                    header.Ids = JsonStatHeader.ReadStringArray(json, errors, path);
                    break;
                case "size":
                    CheckOnce(header.Sizes is not null, path);
                    header.Sizes = JsonStatHeader.ReadSizes(json, errors, path);
                    break;
                case "dimension":
                    CheckOnce(header.HasDimensions, path);
                    header.ReadDimensions(json, errors);
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

        if (streamed)
        {
            yield break;
        }

        var cells = JsonStatCube.Build(header, errors, _options);
        if (!header.HasValue)
        {
            yield break;
        }

        if (header.DenseLength is { } length && length != cells.Cells)
        {
            throw DenseLengthError(length, cells);
        }

        UsedSecondPass = true;
        Stream again;
        if (spool is not null)
        {
            again = spool.ReadFrom(header.ValueOffset);
        }
        else
        {
            stream.Position = start + header.ValueOffset;
            again = stream;
        }

        using var second = new JsonTokenStream(again, errors, header.ValueOffset);
        second.Next("$.value");
        foreach (var observation in StreamValues(second, cells))
        {
            yield return observation;
        }
    }

    /// <summary>Reads <c>value</c> (current token: its opening bracket) to its end, yielding merged observations.</summary>
    private IEnumerable<TradeObservation> StreamValues(JsonTokenStream json, JsonStatCube cube)
    {
        ExpectValueContainer(json);
        var merger = new IndicatorMerger(cube, _errors);
        if (json.TokenType == JsonTokenType.StartObject)
        {
            while (true)
            {
                json.Next("$.value");
                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (!json.TryGetInt64(out var index) || index < 0)
                {
                    var keyText = json.GetString();
                    throw _errors.At($"$.value['{keyText}']", $"'{keyText}' is not a cell index (a non-negative integer)");
                }

                json.Next("$.value");
                if (!TryReadCell(json, cube, index, dense: false, out var kind, out var amount))
                {
                    continue;
                }

                if (merger.Leaves(index, dense: false))
                {
                    foreach (var observation in merger.Drain())
                    {
                        yield return observation;
                    }
                }

                merger.Add(index, kind, amount, dense: false);
            }
        }
        else
        {
            var depth = json.Depth;
            long index = 0;
            while (true)
            {
                json.Next("$.value");
                if (json.TokenType == JsonTokenType.EndArray && json.Depth == depth)
                {
                    if (index != cube.Cells)
                    {
                        throw DenseLengthError(index, cube);
                    }

                    break;
                }

                if (index == cube.Cells)
                {
                    throw DenseLengthError(index + CountRest(json, depth), cube);
                }

                if (TryReadCell(json, cube, index, dense: true, out var kind, out var amount))
                {
                    if (merger.Leaves(index, dense: true))
                    {
                        foreach (var observation in merger.Drain())
                        {
                            yield return observation;
                        }
                    }

                    merger.Add(index, kind, amount, dense: true);
                }

                index++;
            }
        }

        foreach (var observation in merger.Drain())
        {
            yield return observation;
        }
    }

    /// <summary>Checks one cell; false for a missing cell (null: no figure, not zero) or an ignored indicator.</summary>
    private bool TryReadCell(JsonTokenStream json, JsonStatCube cube, long index, bool dense, out int kind, out decimal amount)
    {
        kind = JsonStatCube.Ignored;
        amount = 0;
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                return false;
            case JsonTokenType.Number:
                if (!json.TryGetDecimal(out amount))
                {
                    throw _errors.At(JsonStatCube.CellPath(index, dense), $"number {json.GetString()} is out of range");
                }

                break;
            default:
                throw _errors.At(JsonStatCube.CellPath(index, dense), $"expected a number or null, found {json.Describe()}");
        }

        Cells++;
        if (index >= cube.Cells)
        {
            throw _errors.At(JsonStatCube.CellPath(index, dense), string.Create(CultureInfo.InvariantCulture, $"index {index} is outside the {cube.Cells} cells the dimensions describe"));
        }

        kind = cube.KindOf(index);
        if (kind == JsonStatCube.Ignored)
        {
            return false;
        }

        if (kind == JsonStatCube.Quantity)
        {
            if (Math.Abs(amount) > 1e26m)
            {
                // x 100 would leave the decimal range; no real quantity comes near.
                throw _errors.At(JsonStatCube.CellPath(index, dense), string.Create(CultureInfo.InvariantCulture, $"quantity {amount} (100 kg units) is outside the plausible range"));
            }

            amount *= 100m;
        }

        amount = AmountRules.Normalize(amount);
        var problem = AmountRules.Check(amount, _options.MaxAmount, kind == JsonStatCube.Quantity ? "quantity (kg)" : "value (EUR)");
        if (problem is not null)
        {
            throw _errors.At(JsonStatCube.CellPath(index, dense), problem);
        }

        return true;
    }

    /// <summary>Counts the entries of a dense array from the current one to its end, so the error can give the true length.</summary>
    private static long CountRest(JsonTokenStream json, int depth)
    {
        long rest = 1;
        json.SkipValue("$.value");
        while (true)
        {
            json.Next("$.value");
            if (json.Depth == depth && json.TokenType == JsonTokenType.EndArray)
            {
                return rest;
            }

            rest++;
            json.SkipValue("$.value");
        }
    }

    private TradeDataFormatException DenseLengthError(long length, JsonStatCube cube) =>
        _errors.At("$.value", string.Create(CultureInfo.InvariantCulture, $"dense array has {length} entries but the dimension sizes give {cube.Cells} cells"));

    private void ExpectValueContainer(JsonTokenStream json)
    {
        if (json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            throw _errors.At("$.value", $"expected an object (sparse) or an array (dense), found {json.Describe()}");
        }
    }

    private void CheckOnce(bool seen, string path)
    {
        if (seen)
        {
            throw _errors.At(path, "appears twice");
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
}
