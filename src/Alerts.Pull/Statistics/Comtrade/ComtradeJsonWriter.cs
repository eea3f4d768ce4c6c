using System.Globalization;
using System.Text.Json;

namespace Alerts.Pull.Statistics.Comtrade;

/// <summary>Writes observations as a Comtrade v1 response (totals only), readable by <see cref="ComtradeJsonReader"/>.</summary>
public static class ComtradeJsonWriter
{
    public static void Write(Stream stream, IEnumerable<TradeObservation> observations, M49CountryCodes? codes = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        codes ??= M49CountryCodes.Default;
        var list = observations.ToList();
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("count", list.Count);
        w.WriteStartArray("data");
        foreach (var o in list)
        {
            w.WriteStartObject();
            w.WriteString("typeCode", "C");
            w.WriteString("freqCode", o.Period.IsAnnual ? "A" : "M");
            w.WriteNumber("refYear", o.Period.Year);
            w.WriteNumber("refMonth", o.Period.IsAnnual ? 52 : o.Period.Month);
            w.WriteString("period", o.Period.IsAnnual ? o.Period.Year.ToString("D4", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{o.Period.Year:D4}{o.Period.Month:D2}"));
            w.WriteNumber("reporterCode", Code(codes, o.Reporter));
            w.WriteString("flowCode", o.Flow == TradeFlow.Import ? "M" : "X");
            w.WriteNumber("partnerCode", Code(codes, o.Partner));
            w.WriteNumber("partner2Code", 0);
            w.WriteString("cmdCode", o.Product);
            w.WriteString("customsCode", "C00");
            w.WriteNumber("motCode", 0);
            WriteAmount(w, "netWgt", o.QuantityKg);
            WriteAmount(w, "primaryValue", o.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static int Code(M49CountryCodes codes, string iso) =>
        codes.TryGetM49(iso, out var c) ? c : throw new ArgumentException($"No Comtrade code for '{iso}'.", nameof(iso));

    private static void WriteAmount(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
