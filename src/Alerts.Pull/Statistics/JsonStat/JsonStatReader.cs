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

    /// <summary>True when the last enumeration re-read <c>value</c> (it came before the dimensions, or the indicators lie wider apart than the merge slots).</summary>
    public bool UsedSecondPass { get; private set; }

    /// <summary>Passes over <c>value</c> the last enumeration made (one per merge window).</summary>
    public int Passes { get; private set; }

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
        Passes = 0;
        UsedSecondPass = false;
        var start = stream.CanSeek ? stream.Position : 0;
        using var limited = new SizeLimitedStream(stream, _options.MaxBytes, errors.TooLarge);
        using var spool = stream.CanSeek ? null : new PayloadSpool(_options.SpoolMemoryBytes, _options.SpoolDirectory);
        using var source = spool is null ? (Stream)limited : new SpoolingStream(limited, spool);
        using var json = new JsonTokenStream(source, errors);
        var header = new JsonStatHeader();
        (JsonStatCube Cube, long? Next)? streamed = null;
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
                    header.ValueOffset = json.Offset - 1;
                    if (header.DescribesCube)
                    {
                        // The dimensions came first: stream the cells now; a second pass is needed only when the
                        // indicators of a cell lie further apart than the merge slots.
                        var cube = JsonStatCube.Build(header, errors, _options);
                        var window = MergeWindow.Start(cube.IndicatorStride, _options.MergeSlots);
                        if (window.Length >= cube.IndicatorStride)
                        {
                            spool?.Stop();
                        }

                        var pass = new JsonStatValueReader(cube, errors, _options, window);
                        Passes = 1;
                        foreach (var observation in pass.Read(json))
                        {
                            yield return observation;
                        }

                        Cells = pass.Cells;
                        streamed = (cube, pass.NextPosition);
                    }
                    else
                    {
                        JsonStatValueReader.ExpectContainer(json, errors);
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

        JsonStatCube cells;
        MergeWindow? next;
        if (streamed is { } done)
        {
            cells = done.Cube;
            next = done.Next is { } first ? MergeWindow.From(first, cells.IndicatorStride, _options.MergeSlots) : null;
        }
        else
        {
            cells = JsonStatCube.Build(header, errors, _options);
            if (!header.HasValue)
            {
                yield break;
            }

            if (header.DenseLength is { } length && length != cells.Cells)
            {
                throw JsonStatValueReader.DenseLengthError(errors, length, cells);
            }

            next = MergeWindow.Start(cells.IndicatorStride, _options.MergeSlots);
        }

        while (next is { } window)
        {
            if (Passes == _options.MaxMergePasses)
            {
                throw errors.At("$.id", string.Create(CultureInfo.InvariantCulture,
                    $"{cells.IndicatorStride} cells lie between the indicators of one observation (the dimensions after 'indicators'); merging them {_options.MergeSlots} at a time needs more than {_options.MaxMergePasses} passes over 'value'; list 'indicators' later in $.id (Eurostat puts only 'time' after it)"));
            }

            UsedSecondPass = true;
            Passes++;
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
            var pass = new JsonStatValueReader(cells, errors, _options, window);
            foreach (var observation in pass.Read(second))
            {
                yield return observation;
            }

            Cells = Passes == 1 ? pass.Cells : Cells;
            next = pass.NextPosition is { } first ? MergeWindow.From(first, cells.IndicatorStride, _options.MergeSlots) : null;
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
