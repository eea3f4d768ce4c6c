using System.Globalization;
using System.Text.Json;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.Comtrade;

/// <summary>
/// Reads a UN Comtrade v1 response (<c>{"count":n,"data":[...]}</c>), streamed. Against double counting it keeps
/// only totals: <c>motCode</c> 0, <c>customsCode</c> C00, <c>partner2Code</c> 0, flows M and X; it drops partner 0
/// (World) and the non-country codes, keeps 490 (Taiwan), and maps reporter and partner codes to ISO-2
/// (97 = <c>EU27_2020</c>). An unknown code, a wrong type or two records for the same observation is an error
/// naming the record. Weights are kg, values USD.
/// </summary>
public static class ComtradeJsonReader
{
    private const string SourceName = "Comtrade JSON";

    public static TradeDataSet Read(Stream stream, string origin, TradeDataReaderOptions? options = null, M49CountryCodes? codes = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TradeDataReaderOptions.Default;
        codes ??= M49CountryCodes.Default;
        var errors = new PayloadErrors(SourceName, origin);
        using var limited = new SizeLimitedStream(stream, options.MaxBytes, errors.TooLarge);
        using var json = new JsonTokenStream(limited, errors);
        json.Next("$");
        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw errors.At("$", $"expected an object {{\"count\":n,\"data\":[...]}}, found {json.Describe()}");
        }

        long? count = null;
        var seenData = false;
        var records = 0;
        var byKey = new Dictionary<(string, string, string, TradeFlow, Period), (TradeObservation Observation, int Record)>();
        string? statusMessage = null;
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
                case "count":
                    if (json.TokenType != JsonTokenType.Number || !json.TryGetInt64(out var c) || c < 0)
                    {
                        throw errors.At(path.ToString(), $"expected a non-negative integer, found {json.Describe()}");
                    }

                    count = c;
                    break;
                case "data":
                    if (json.TokenType == JsonTokenType.Null)
                    {
                        break;
                    }

                    if (json.TokenType != JsonTokenType.StartArray)
                    {
                        throw errors.At(path.ToString(), $"expected an array of records, found {json.Describe()}");
                    }

                    seenData = true;
                    while (true)
                    {
                        var where = new ComtradeRecordPath(records);
                        json.Next("$.data");
                        if (json.TokenType == JsonTokenType.EndArray)
                        {
                            break;
                        }

                        var observation = ComtradeRecordReader.Read(json, errors, options, codes, where);
                        if (observation is not null)
                        {
                            var key = (observation.Reporter, observation.Partner, observation.Product, observation.Flow, observation.Period);
                            if (byKey.TryGetValue(key, out var first))
                            {
                                throw errors.At(where.ToString(), string.Create(CultureInfo.InvariantCulture, $"duplicate record: {observation.Reporter}/{observation.Partner}/{observation.Product}/{observation.Flow}/{observation.Period} was already given by $.data[{first.Record}]"));
                            }

                            if (byKey.Count >= options.MaxObservations)
                            {
                                throw errors.At(where.ToString(), string.Create(CultureInfo.InvariantCulture, $"more than {options.MaxObservations} records"));
                            }

                            byKey[key] = (observation, records);
                        }

                        records++;
                    }

                    break;
                case "error":
                    var text = json.TokenType == JsonTokenType.Null ? string.Empty : JsonStatReader.CollectText(json, path);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        throw errors.At(path.ToString(), $"the source reported an error: {text}");
                    }

                    break;
                case "statusCode":
                case "message":
                    statusMessage = (statusMessage is null ? string.Empty : statusMessage + " ") + JsonStatReader.CollectText(json, path);
                    break;
                default:
                    json.SkipValue(path);
                    break;
            }
        }

        if (json.Read("$"))
        {
            throw errors.At("$", "unexpected content after the JSON document");
        }

        if (!seenData)
        {
            throw errors.At("$.data", statusMessage is null ? "missing (no records array)" : $"missing; the source said: {statusMessage}");
        }

        if (count is { } n && n != records)
        {
            throw errors.At("$.count", string.Create(CultureInfo.InvariantCulture, $"says {n} records but $.data has {records} (truncated or inconsistent payload)"));
        }

        return new TradeDataSet(TradeDataSource.Comtrade, TradeDataFormat.ComtradeJson, origin, DataVintage.Unknown, byKey.Values.Select(v => v.Observation));
    }
}
