using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alerts.Pull.Statistics.Parsing;

/// <summary>
/// Pulls JSON tokens from a stream through a bounded, growing buffer (never the whole payload), using
/// <see cref="Utf8JsonReader"/> for the grammar. The current token's text is copied out so callers can read
/// it after the reader is gone; readers track their own JSON path for error messages.
/// </summary>
internal sealed class JsonTokenStream : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxTokenBytes = 16 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly PayloadErrors _errors;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private byte[] _value = ArrayPool<byte>.Shared.Rent(256);
    private int _valueLength;
    private int _start;
    private int _end;
    private bool _final;
    private bool _bomChecked;
    private long _offsetOfBuffer;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });

    /// <param name="stream">The payload, read forward only.</param>
    /// <param name="errors">Builds the errors raised for malformed JSON.</param>
    /// <param name="startOffset">Offset of the stream's first byte in the payload, so a second pass over part of it reports true byte positions.</param>
    public JsonTokenStream(Stream stream, PayloadErrors errors, long startOffset = 0)
    {
        _stream = stream;
        _errors = errors;
        _offsetOfBuffer = startOffset;
        _bomChecked = startOffset != 0;
    }

    public JsonTokenType TokenType { get; private set; } = JsonTokenType.None;

    /// <summary>Depth of the current token (root object = 0, its properties = 1).</summary>
    public int Depth { get; private set; }

    /// <summary>Byte offset just after the current token.</summary>
    public long Offset => _offsetOfBuffer + _start;

    public ReadOnlySpan<byte> ValueBytes => _value.AsSpan(0, _valueLength);

    /// <summary>Reads the next token; false at the end of a complete document.</summary>
    public bool Read(string path)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool ok;
            try
            {
                ok = reader.Read();
            }
            catch (JsonException e)
            {
                throw _errors.At(path, string.Create(CultureInfo.InvariantCulture, $"malformed or truncated JSON near byte {Offset + e.BytePositionInLine ?? Offset}: {FirstSentence(e.Message)}"), e);
            }

            if (ok)
            {
                TokenType = reader.TokenType;
                Depth = reader.CurrentDepth;
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String or JsonTokenType.Number)
                {
                    Capture(ref reader);
                }
                else
                {
                    _valueLength = 0;
                }

                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }

            if (_final)
            {
                if (reader.BytesConsumed == 0 && _end - _start > 0 && !IsWhitespace(_buffer.AsSpan(_start, _end - _start)))
                {
                    throw _errors.At(path, "unexpected content after the JSON document");
                }

                return false;
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            Refill(path);
        }
    }

    /// <summary>Reads the next token and fails with a clear message when the payload ends instead.</summary>
    public void Next(string path)
    {
        if (!Read(path))
        {
            throw _errors.At(path, "the JSON ends early (truncated payload)");
        }
    }

    /// <summary>
    /// Skips the value whose first token is current (a scalar, or a whole object/array) without copying token
    /// text, and returns how many direct children it had (array elements or object properties; 0 for a scalar).
    /// The grammar is still checked, so a malformed skipped part fails here. One reader runs over each
    /// buffer-full rather than one per token: the skip is what the first pass over Eurostat's payloads costs.
    /// </summary>
    public long SkipValue(string path)
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return 0;
        }

        var depth = Depth;
        var childDepth = depth + 1;
        var countNames = TokenType == JsonTokenType.StartObject;
        long children = 0;
        _valueLength = 0;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            try
            {
                while (reader.Read())
                {
                    var type = reader.TokenType;
                    var at = reader.CurrentDepth;
                    if (at == childDepth)
                    {
                        if (countNames ? type == JsonTokenType.PropertyName : type is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                        {
                            children++;
                        }
                    }
                    else if (at == depth && type is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        TokenType = type;
                        Depth = at;
                        _start += (int)reader.BytesConsumed;
                        _state = reader.CurrentState;
                        return children;
                    }
                }
            }
            catch (JsonException e)
            {
                throw _errors.At(path, string.Create(CultureInfo.InvariantCulture, $"malformed or truncated JSON near byte {Offset + e.BytePositionInLine ?? Offset}: {FirstSentence(e.Message)}"), e);
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (_final)
            {
                throw _errors.At(path, "the JSON ends early (truncated payload)");
            }

            Refill(path);
        }
    }

    public string GetString() => Encoding.UTF8.GetString(ValueBytes);

    public bool ValueEquals(string text) => ValueBytes.SequenceEqual(Encoding.UTF8.GetBytes(text));

    /// <summary>Parses the current number; the lean UTF-8 parser first (millions of cells), the culture-aware one for whatever it declines.</summary>
    public bool TryGetDecimal(out decimal value) =>
        (Utf8Parser.TryParse(ValueBytes, out value, out var used) && used == _valueLength)
        || decimal.TryParse(ValueBytes, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

    public bool TryGetInt64(out long value) =>
        (Utf8Parser.TryParse(ValueBytes, out value, out var used) && used == _valueLength)
        || long.TryParse(ValueBytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Describes the current token for error messages: <c>a string "abc"</c>, <c>an object</c>.</summary>
    public string Describe() => TokenType switch
    {
        JsonTokenType.String => $"a string \"{Truncate(GetString())}\"",
        JsonTokenType.Number => $"the number {Truncate(GetString())}",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => TokenType.ToString(),
    };

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_value);
        _buffer = [];
        _value = [];
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "...");

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return i > 0 ? message[..i].TrimEnd() : message;
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> span) => span.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private void Capture(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_value.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_value);
            _value = ArrayPool<byte>.Shared.Rent(length);
        }

        _valueLength = reader.ValueIsEscaped ? reader.CopyString(_value) : Copy(ref reader);
    }

    private int Copy(ref Utf8JsonReader reader)
    {
        reader.ValueSpan.CopyTo(_value);
        return reader.ValueSpan.Length;
    }

    private void Refill(string path)
    {
        var remaining = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _offsetOfBuffer += _start;
            _start = 0;
            _end = remaining;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxTokenBytes)
            {
                throw _errors.At(path, string.Create(CultureInfo.InvariantCulture, $"a single JSON token is longer than {MaxTokenBytes} bytes"));
            }

            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _final = true;
        }

        _end += n;
        if (!_bomChecked && (_end >= 3 || _final))
        {
            // Utf8JsonReader rejects a UTF-8 byte order mark; files saved by editors often start with one.
            _bomChecked = true;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }
}
