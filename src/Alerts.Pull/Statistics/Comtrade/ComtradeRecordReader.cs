using System.Globalization;
using System.Text.Json;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.Comtrade;

/// <summary>One record of a Comtrade v1 response: its fields read by name, then checked and mapped to an observation.</summary>
internal static class ComtradeRecordReader
{
    /// <summary>
    /// The observation of the record at the stream's current token (a StartObject), or null for a record that is not
    /// a total, names a non-country partner or has neither weight nor value; throws naming the field that is wrong.
    /// </summary>
    public static TradeObservation? Read(JsonTokenStream json, PayloadErrors errors, TradeDataReaderOptions options, M49CountryCodes codes, ComtradeRecordPath where)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw errors.At(where.ToString(), $"expected a record object, found {json.Describe()}");
        }

        var r = new ComtradeRecord();
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
                case "freqCode": r.Freq = ComtradeFieldValues.OptionalString(json, errors, path); break;
                case "refYear": r.RefYear = ComtradeFieldValues.OptionalInt(json, errors, path); break;
                case "refMonth": r.RefMonth = ComtradeFieldValues.OptionalInt(json, errors, path); break;
                case "period": r.Period = json.TokenType == JsonTokenType.Number ? json.GetString() : ComtradeFieldValues.OptionalString(json, errors, path); break;
                case "reporterCode": r.Reporter = ComtradeFieldValues.OptionalInt(json, errors, path); break;
                case "partnerCode": r.Partner = ComtradeFieldValues.OptionalInt(json, errors, path); break;
                case "partner2Code": r.Partner2 = ComtradeFieldValues.OptionalInt(json, errors, path); break;
                case "flowCode": r.Flow = ComtradeFieldValues.OptionalString(json, errors, path); break;
                case "cmdCode": r.Product = json.TokenType == JsonTokenType.Number ? json.GetString() : ComtradeFieldValues.OptionalString(json, errors, path); break;
                case "customsCode": r.Customs = ComtradeFieldValues.OptionalString(json, errors, path); break;
                case "motCode": r.Mot = ComtradeFieldValues.OptionalInt(json, errors, path); break;
                case "netWgt": r.NetWgt = ComtradeFieldValues.OptionalAmount(json, errors, options, path, "netWgt (kg)"); break;
                case "primaryValue": r.PrimaryValue = ComtradeFieldValues.OptionalAmount(json, errors, options, path, "primaryValue (USD)"); break;
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
}
