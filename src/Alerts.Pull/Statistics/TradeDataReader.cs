using Alerts.Pull.Statistics.Comtrade;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.Pull.Statistics.Parsing;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Pull.Statistics;

/// <summary>Reads any of the three trade formats, detected from the content.</summary>
public static class TradeDataReader
{
    /// <summary>Reads a payload of a known format.</summary>
    public static TradeDataSet Read(Stream stream, TradeDataFormat format, string origin, TradeDataReaderOptions? options = null) => format switch
    {
        TradeDataFormat.ComextJsonStat => JsonStatReader.Read(stream, origin, options),
        TradeDataFormat.ComextSdmxCsv => SdmxCsvReader.Read(stream, origin, options),
        TradeDataFormat.ComtradeJson => ComtradeJsonReader.Read(stream, origin, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Detects the format from the first bytes, then reads the whole payload. A seekable stream is rewound after
    /// detection, so the JSON-stat reader can re-position it instead of spooling it.
    /// </summary>
    public static TradeDataSet Read(Stream stream, string origin, TradeDataReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[TradeDataFormatDetector.PrefixLength];
        var length = 0;
        int n;
        while (length < prefix.Length && (n = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += n;
        }

        var format = TradeDataFormatDetector.Detect(prefix.AsSpan(0, length))
            ?? throw new TradeDataFormatException("trade data", origin, "start of file", length == 0
                ? "the file is empty"
                : "not a recognised format (expected Comext JSON-stat, Comext SDMX-CSV with a DATAFLOW header, or Comtrade JSON with count/data)");
        if (stream.CanSeek)
        {
            stream.Position = start;
            return Read(stream, format, origin, options);
        }

        using var replay = new PrefixedStream(prefix.AsMemory(0, length), stream);
        return Read(replay, format, origin, options);
    }

    /// <summary>Reads a file, detecting its format.</summary>
    public static TradeDataSet ReadFile(string path, TradeDataReaderOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Read(file, Path.GetFileName(path), options);
    }

    /// <summary>Replays bytes already read for detection, then continues with the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyForwardStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
    }
}
