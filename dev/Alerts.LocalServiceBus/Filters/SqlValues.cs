namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// Comparison and arithmetic on filter values. <c>null</c> stands for both SQL NULL and unknown; every
/// operation with it, or between types that do not meet (a string and a number), yields <c>null</c>.
/// Strings compare ordinally and case-sensitively, as C# <c>==</c> does.
/// </summary>
internal static class SqlValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Box(bool value) => value ? True : False;

    public static object? Box(bool? value) => value is { } b ? Box(b) : null;

    /// <summary>The value as a truth value; anything but a bool is unknown.</summary>
    public static bool? AsBool(object? value) => value as bool?;

    /// <summary>Equality, or null when either side is null or the types are not comparable.</summary>
    public static bool? AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (left is bool lb && right is bool rb)
        {
            return lb == rb;
        }

        if (Compare(left, right) is { } order)
        {
            return order == 0;
        }

        // Same-typed values without an order (byte arrays, URIs) still have equality.
        return left.GetType() == right.GetType() && !IsNumber(left) && left is not string ? left.Equals(right) : null;
    }

    /// <summary>Sign of left minus right, or null when there is no order between them (or a NaN).</summary>
    public static int? Compare(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (left is string ls && right is string rs)
        {
            return Math.Sign(string.CompareOrdinal(ls, rs));
        }

        if (NumericValue.TryFrom(left, out var ln) && NumericValue.TryFrom(right, out var rn))
        {
            return (NumericKind)Math.Max((int)ln.Kind, (int)rn.Kind) switch
            {
                NumericKind.Long => ln.Long.CompareTo(rn.Long),
                NumericKind.Decimal => ln.Decimal.CompareTo(rn.Decimal),
                _ => double.IsNaN(ln.Double) || double.IsNaN(rn.Double) ? null : ln.Double.CompareTo(rn.Double),
            };
        }

        if (left is bool || right is bool)
        {
            return null;
        }

        if (left.GetType() == right.GetType() && left is IComparable comparable)
        {
            return Math.Sign(comparable.CompareTo(right));
        }

        return null;
    }

    /// <summary>Binary arithmetic; overflow and integer division by zero are unknown rather than errors.</summary>
    public static object? Arithmetic(ArithmeticOperator op, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (op == ArithmeticOperator.Add && left is string ls && right is string rs)
        {
            return ls + rs;
        }

        if (!NumericValue.TryFrom(left, out var ln) || !NumericValue.TryFrom(right, out var rn))
        {
            return null;
        }

        try
        {
            return (NumericKind)Math.Max((int)ln.Kind, (int)rn.Kind) switch
            {
                NumericKind.Long => LongArithmetic(op, ln.Long, rn.Long),
                NumericKind.Decimal => DecimalArithmetic(op, ln.Decimal, rn.Decimal),
                _ => DoubleArithmetic(op, ln.Double, rn.Double),
            };
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return null;
        }
    }

    public static object? Negate(object? value)
    {
        if (value is null || !NumericValue.TryFrom(value, out var number))
        {
            return null;
        }

        return number.Kind switch
        {
            NumericKind.Long when number.Long == long.MinValue => null,
            NumericKind.Long => -number.Long,
            NumericKind.Decimal => -number.Decimal,
            _ => -number.Double,
        };
    }

    /// <summary>Unary plus: the number itself, unknown for anything else.</summary>
    public static object? Identity(object? value) =>
        value is not null && NumericValue.TryFrom(value, out var number) ? number.ToObject() : null;

    private static bool IsNumber(object value) => NumericValue.TryFrom(value, out _);

    private static object LongArithmetic(ArithmeticOperator op, long a, long b) => op switch
    {
        ArithmeticOperator.Add => checked(a + b),
        ArithmeticOperator.Subtract => checked(a - b),
        ArithmeticOperator.Multiply => checked(a * b),
        ArithmeticOperator.Divide => checked(a / b),
        _ => b == -1 ? 0L : a % b,
    };

    private static object DecimalArithmetic(ArithmeticOperator op, decimal a, decimal b) => op switch
    {
        ArithmeticOperator.Add => a + b,
        ArithmeticOperator.Subtract => a - b,
        ArithmeticOperator.Multiply => a * b,
        ArithmeticOperator.Divide => a / b,
        _ => a % b,
    };

    private static object DoubleArithmetic(ArithmeticOperator op, double a, double b) => op switch
    {
        ArithmeticOperator.Add => a + b,
        ArithmeticOperator.Subtract => a - b,
        ArithmeticOperator.Multiply => a * b,
        ArithmeticOperator.Divide => a / b,
        _ => a % b,
    };
}
