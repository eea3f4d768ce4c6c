using System.Globalization;

namespace Alerts.Benchmarks;

/// <summary>The <c>--name value</c> options every benchmark takes; a value that is not a number is an error, not a silent default.</summary>
internal static class BenchmarkArgs
{
    public static long Long(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return fallback;
        }

        return i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"option {name} needs a whole number");
    }

    public static int Int(string[] args, string name, int fallback) => checked((int)Long(args, name, fallback));
}
