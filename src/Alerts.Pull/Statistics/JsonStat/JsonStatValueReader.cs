using System.Globalization;
using System.Text.Json;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.JsonStat;

/// <summary>
/// One pass over a JSON-stat <c>value</c> (sparse object or dense array) for a known cube: every cell is checked,
/// the cells whose stride position lies in <paramref name="window"/> are merged (<see cref="IndicatorMerger"/>) and
/// yielded as observations block by block. <see cref="NextPosition"/> then names the first stride position with a
/// figure beyond the window, where the next pass starts (null: none, the read is complete).
/// </summary>
internal sealed class JsonStatValueReader(JsonStatCube cube, PayloadErrors errors, TradeDataReaderOptions options, MergeWindow window)
{
    /// <summary>Cells with a number seen in this pass (indicators and ignored ones, inside the window or not).</summary>
    public long Cells { get; private set; }

    /// <summary>After the pass: the smallest stride position beyond the window that has a figure; null when none.</summary>
    public long? NextPosition { get; private set; }

    /// <summary>Reads <c>value</c> (current token: its opening bracket) to its end, yielding merged observations.</summary>
    public IEnumerable<TradeObservation> Read(JsonTokenStream json)
    {
        ExpectContainer(json, errors);
        var merger = new IndicatorMerger(cube, errors, window);
        var dense = json.TokenType == JsonTokenType.StartArray;
        var depth = json.Depth;
        long index = -1;
        while (true)
        {
            json.Next("$.value");
            if (dense)
            {
                index++;
                if (json.TokenType == JsonTokenType.EndArray && json.Depth == depth)
                {
                    if (index != cube.Cells)
                    {
                        throw DenseLengthError(errors, index, cube);
                    }

                    break;
                }

                if (index == cube.Cells)
                {
                    throw DenseLengthError(errors, index + CountRest(json, depth), cube);
                }
            }
            else
            {
                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (!json.TryGetInt64(out index) || index < 0)
                {
                    var keyText = json.GetString();
                    throw errors.At($"$.value['{keyText}']", $"'{keyText}' is not a cell index (a non-negative integer)");
                }

                json.Next("$.value");
            }

            if (!TryReadCell(json, index, dense, out var kind, out var amount))
            {
                continue;
            }

            if (!merger.Takes(index))
            {
                var position = index % cube.IndicatorStride;
                if (position >= window.End && (NextPosition is not { } next || position < next))
                {
                    NextPosition = position;
                }

                continue;
            }

            if (merger.Leaves(index, dense))
            {
                foreach (var observation in merger.Drain())
                {
                    yield return observation;
                }
            }

            merger.Add(index, kind, amount, dense);
        }

        foreach (var observation in merger.Drain())
        {
            yield return observation;
        }
    }

    public static void ExpectContainer(JsonTokenStream json, PayloadErrors errors)
    {
        if (json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            throw errors.At("$.value", $"expected an object (sparse) or an array (dense), found {json.Describe()}");
        }
    }

    public static TradeDataFormatException DenseLengthError(PayloadErrors errors, long length, JsonStatCube cube) =>
        errors.At("$.value", string.Create(CultureInfo.InvariantCulture, $"dense array has {length} entries but the dimension sizes give {cube.Cells} cells"));

    /// <summary>Checks one cell; false for a missing cell (null: no figure, not zero) or an ignored indicator.</summary>
    private bool TryReadCell(JsonTokenStream json, long index, bool dense, out int kind, out decimal amount)
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
                    throw errors.At(JsonStatCube.CellPath(index, dense), $"number {json.GetString()} is out of range");
                }

                break;
            default:
                throw errors.At(JsonStatCube.CellPath(index, dense), $"expected a number or null, found {json.Describe()}");
        }

        Cells++;
        if (index >= cube.Cells)
        {
            throw errors.At(JsonStatCube.CellPath(index, dense), string.Create(CultureInfo.InvariantCulture, $"index {index} is outside the {cube.Cells} cells the dimensions describe"));
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
                throw errors.At(JsonStatCube.CellPath(index, dense), string.Create(CultureInfo.InvariantCulture, $"quantity {amount} (100 kg units) is outside the plausible range"));
            }

            amount *= 100m;
        }

        amount = AmountRules.Normalize(amount);
        var problem = AmountRules.Check(amount, options.MaxAmount, kind == JsonStatCube.Quantity ? "quantity (kg)" : "value (EUR)");
        if (problem is not null)
        {
            throw errors.At(JsonStatCube.CellPath(index, dense), problem);
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
}
