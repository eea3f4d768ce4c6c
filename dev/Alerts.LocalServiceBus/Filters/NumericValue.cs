namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// A property or literal value seen as a number, widened the way C# promotes operands:
/// integers to long, then decimal, then double.
/// </summary>
internal readonly record struct NumericValue(NumericKind Kind, long Long, decimal Decimal, double Double)
{
    public static bool TryFrom(object value, out NumericValue number)
    {
        switch (value)
        {
            case long l: number = FromLong(l); return true;
            case int i: number = FromLong(i); return true;
            case short s: number = FromLong(s); return true;
            case sbyte sb: number = FromLong(sb); return true;
            case byte b: number = FromLong(b); return true;
            case ushort us: number = FromLong(us); return true;
            case uint ui: number = FromLong(ui); return true;
            case ulong ul when ul <= long.MaxValue: number = FromLong((long)ul); return true;
            case ulong ul: number = FromDecimal(ul); return true;
            case decimal m: number = FromDecimal(m); return true;
            case double d: number = FromDouble(d); return true;
            case float f: number = FromDouble(f); return true;
            default: number = default; return false;
        }
    }

    public static NumericValue FromLong(long value) => new(NumericKind.Long, value, value, value);

    public static NumericValue FromDecimal(decimal value) => new(NumericKind.Decimal, 0, value, (double)value);

    public static NumericValue FromDouble(double value) => new(NumericKind.Double, 0, 0, value);

    public object ToObject() => Kind switch
    {
        NumericKind.Long => Long,
        NumericKind.Decimal => Decimal,
        _ => Double,
    };
}

/// <summary>Promotion order: an operation happens in the wider kind of its two operands.</summary>
internal enum NumericKind
{
    Long = 0,
    Decimal = 1,
    Double = 2,
}
