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
                        var where = new RecordPath(records);
                        json.Next("$.data");
                        if (json.TokenType == JsonTokenType.EndArray)
                        {
                            break;
                        }

                        var observation = ReadRecord(json, errors, options, codes, where);
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

    private static TradeObservation? ReadRecord(JsonTokenStream json, PayloadErrors errors, TradeDataReaderOptions options, M49CountryCodes codes, RecordPath where)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw errors.At(where.ToString(), $"expected a record object, found {json.Describe()}");
        }

        var r = new Record();
        while (true)
        {
            json.Next("$.data");
            if (json.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var field = FieldOf(json.ValueBytes);
            var path = where.Field(field);
            json.Next("$.data");
            switch (field)
            {
                case "freqCode": r.Freq = OptionalString(json, errors, path); break;
                case "refYear": r.RefYear = OptionalInt(json, errors, path); break;
                case "refMonth": r.RefMonth = OptionalInt(json, errors, path); break;
                case "period": r.Period = json.TokenType == JsonTokenType.Number ? json.GetString() : OptionalString(json, errors, path); break;
                case "reporterCode": r.Reporter = OptionalInt(json, errors, path); break;
                case "partnerCode": r.Partner = OptionalInt(json, errors, path); break;
                case "partner2Code": r.Partner2 = OptionalInt(json, errors, path); break;
                case "flowCode": r.Flow = OptionalString(json, errors, path); break;
                case "cmdCode": r.Product = json.TokenType == JsonTokenType.Number ? json.GetString() : OptionalString(json, errors, path); break;
                case "customsCode": r.Customs = OptionalString(json, errors, path); break;
                case "motCode": r.Mot = OptionalInt(json, errors, path); break;
                case "netWgt": r.NetWgt = OptionalAmount(json, errors, options, path, "netWgt (kg)"); break;
                case "primaryValue": r.PrimaryValue = OptionalAmount(json, errors, options, path, "primaryValue (USD)"); break;
                default: json.SkipValue("$.data"); break;
            }
        }

        // Totals only: a record per mode of transport, customs procedure or second partner would count the same goods twice.
        if (r.Flow is not ("M" or "X") || (r.Mot ?? 0) != 0 || (r.Customs ?? "C00") != "C00" || (r.Partner2 ?? 0) != 0)
        {
            return null;
        }

        var reporterCode = r.Reporter ?? throw errors.At(where.Field("reporterCode").ToString(), "missing");
        var partnerCode = r.Partner ?? throw errors.At(where.Field("partnerCode").ToString(), "missing");
        if (codes.IsNonCountry(partnerCode))
        {
            return null;
        }

        if (!codes.TryGetIso(reporterCode, out var reporter))
        {
            throw errors.At(where.Field("reporterCode").ToString(), string.Create(CultureInfo.InvariantCulture, $"unknown reporter code {reporterCode} (not in the M49 table)"));
        }

        if (!codes.TryGetIso(partnerCode, out var partner))
        {
            throw errors.At(where.Field("partnerCode").ToString(), string.Create(CultureInfo.InvariantCulture, $"unknown partner code {partnerCode} (not in the M49 table; add it to m49-codes.json)"));
        }

        var product = r.Product;
        if (string.IsNullOrWhiteSpace(product) || product.Length > 12 || !product.All(char.IsAsciiLetterOrDigit))
        {
            throw errors.At(where.Field("cmdCode").ToString(), product is null ? "missing" : $"'{product}' is not a commodity code");
        }

        Period period;
        if (r.Period is not null)
        {
            if (!Period.TryParse(r.Period, out period))
            {
                throw errors.At(where.Field("period").ToString(), $"'{r.Period}' is not a period (YYYY or YYYYMM)");
            }
        }
        else if (r.RefYear is { } year && Period.TryParse(r.Freq == "M" && r.RefMonth is { } m ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}") : year.ToString("D4", CultureInfo.InvariantCulture), out var p))
        {
            period = p;
        }
        else
        {
            throw errors.At(where.Field("period").ToString(), "missing (and no valid refYear/refMonth)");
        }

        if (r.Freq is "A" or "M" && period.IsAnnual != (r.Freq == "A"))
        {
            throw errors.At(where.Field("period").ToString(), $"'{period}' does not match freqCode '{r.Freq}'");
        }

        if (r.NetWgt is null && r.PrimaryValue is null)
        {
            return null;
        }

        return new TradeObservation(reporter, partner, product, r.Flow == "M" ? TradeFlow.Import : TradeFlow.Export, period, r.NetWgt, r.PrimaryValue, "USD");
    }

    private static string? OptionalString(JsonTokenStream json, PayloadErrors errors, FieldPath path) => json.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => json.GetString(),
        _ => throw errors.At(path.ToString(), $"expected a string, found {json.Describe()}"),
    };

    private static int? OptionalInt(JsonTokenStream json, PayloadErrors errors, FieldPath path)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var v) && v is >= int.MinValue and <= int.MaxValue)
        {
            return (int)v;
        }

        throw errors.At(path.ToString(), $"expected an integer, found {json.Describe()}");
    }

    private static decimal? OptionalAmount(JsonTokenStream json, PayloadErrors errors, TradeDataReaderOptions options, FieldPath path, string what)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType != JsonTokenType.Number)
        {
            throw errors.At(path.ToString(), $"expected a number or null, found {json.Describe()}");
        }

        if (!json.TryGetDecimal(out var amount))
        {
            throw errors.At(path.ToString(), $"number {json.GetString()} is out of range");
        }

        var problem = AmountRules.Check(amount, options.MaxAmount, what);
        return problem is null ? AmountRules.Normalize(amount) : throw errors.At(path.ToString(), problem);
    }

    private sealed class Record
    {
        public string? Freq { get; set; }

        public int? RefYear { get; set; }

        public int? RefMonth { get; set; }

        public string? Period { get; set; }

        public int? Reporter { get; set; }

        public int? Partner { get; set; }

        public int? Partner2 { get; set; }

        public string? Flow { get; set; }

        public string? Product { get; set; }

        public string? Customs { get; set; }

        public int? Mot { get; set; }

        public decimal? NetWgt { get; set; }

        public decimal? PrimaryValue { get; set; }
    }

    private static readonly string[] KnownFields =
        ["freqCode", "refYear", "refMonth", "period", "reporterCode", "partnerCode", "partner2Code", "flowCode", "cmdCode", "customsCode", "motCode", "netWgt", "primaryValue"];

    private static readonly byte[][] KnownFieldBytes = KnownFields.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    /// <summary>The interned name of a known field (no allocation per record), or the name itself.</summary>
    private static string FieldOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < KnownFieldBytes.Length; i++)
        {
            if (name.SequenceEqual(KnownFieldBytes[i]))
            {
                return KnownFields[i];
            }
        }

        return System.Text.Encoding.UTF8.GetString(name);
    }

    /// <summary><c>$.data[i]</c>, formatted only for an error message.</summary>
    private readonly record struct RecordPath(int Index)
    {
        public FieldPath Field(string name) => new(Index, name);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"$.data[{Index}]");
    }

    /// <summary><c>$.data[i].field</c>, formatted only for an error message.</summary>
    private readonly record struct FieldPath(int Index, string Name)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"$.data[{Index}].{Name}");
    }
}
