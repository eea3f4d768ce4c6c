using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Platform.Storage;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Snapshots;

/// <summary>
/// A series snapshot as JSON lines, one observation per line in a canonical order (period, then partner), so
/// the same observations always give the same bytes and the same content hash whatever order they came in.
/// </summary>
public static class SnapshotFormat
{
    public const string FormatName = "jsonl-v1";

    /// <summary>The canonical uncompressed bytes.</summary>
    /// <exception cref="ArgumentException">An observation is of another series, or a (partner, period) is given twice.</exception>
    public static byte[] Encode(SeriesKey series, IEnumerable<TradeObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var sorted = observations.OrderBy(o => o.Period).ThenBy(o => o.Partner, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        var newline = "\n"u8.ToArray();
        TradeObservation? previous = null;
        foreach (var o in sorted)
        {
            if (o.Reporter != series.Reporter || o.Product != series.Product || o.Flow != series.Flow)
            {
                throw new ArgumentException($"Observation {o.Reporter}/{o.Product}/{o.Flow.Name()} from {o.Partner} in {o.Period} is not of series {series}.", nameof(observations));
            }

            if (previous is not null && previous.Period == o.Period && previous.Partner == o.Partner)
            {
                throw new ArgumentException($"Series {series}: partner {o.Partner} in {o.Period} is given twice.", nameof(observations));
            }

            if (o.QuantityKg < 0 || o.Value < 0)
            {
                throw new ArgumentException($"Series {series}: partner {o.Partner} in {o.Period} has a negative amount.", nameof(observations));
            }

            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("reporter", o.Reporter);
                writer.WriteString("partner", o.Partner);
                writer.WriteString("product", o.Product);
                writer.WriteString("flow", o.Flow.Name());
                writer.WriteString("period", o.Period.ToString());
                WriteDecimal(writer, "quantityKg", o.QuantityKg);
                WriteDecimal(writer, "value", o.Value);
                writer.WriteString("currency", o.Currency);
                writer.WriteEndObject();
            }

            buffer.Write(newline);
            previous = o;
        }

        return buffer.ToArray();
    }

    /// <summary>SHA-256 of the canonical bytes, lower-case hex.</summary>
    public static string ContentHash(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    public static string ContentHash(SeriesKey series, IEnumerable<TradeObservation> observations) => ContentHash(Encode(series, observations));

    public static byte[] Gzip(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Reads gzip JSON lines back; <paramref name="name"/> names the input in errors (with the line).</summary>
    /// <exception cref="InvalidDataException">Not gzip, or a line that is not an observation.</exception>
    public static IReadOnlyList<TradeObservation> Decode(Stream gzipped, string name)
    {
        var result = new List<TradeObservation>();
        var lineNumber = 0;
        try
        {
            using var reader = new StreamReader(new GZipStream(gzipped, CompressionMode.Decompress), new UTF8Encoding(false, true));
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                result.Add(ParseLine(line));
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or DecoderFallbackException)
        {
            throw new InvalidDataException($"{name} line {lineNumber}: not an observation ({e.Message}).", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name} line {lineNumber}: {e.Message}", e);
        }

        return result;
    }

    private static TradeObservation ParseLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var flow = root.GetProperty("flow").GetString() switch
        {
            "import" => TradeFlow.Import,
            "export" => TradeFlow.Export,
            var other => throw new FormatException($"flow '{other}' is not import or export"),
        };
        return new TradeObservation(
            root.GetProperty("reporter").GetString() ?? throw new FormatException("reporter is null"),
            root.GetProperty("partner").GetString() ?? throw new FormatException("partner is null"),
            root.GetProperty("product").GetString() ?? throw new FormatException("product is null"),
            flow,
            Period.Parse(root.GetProperty("period").GetString() ?? string.Empty),
            ReadDecimal(root.GetProperty("quantityKg")),
            ReadDecimal(root.GetProperty("value")),
            root.GetProperty("currency").GetString() ?? throw new FormatException("currency is null"));
    }

    private static decimal? ReadDecimal(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    private static void WriteDecimal(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            // Normalised (no trailing zeros) so 1.50 and 1.5 hash the same.
            writer.WriteNumber(name, v / 1.0000000000000000000000000000m);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
