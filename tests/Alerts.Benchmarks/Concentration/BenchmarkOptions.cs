using System.Globalization;

namespace Alerts.Benchmarks.Concentration;

/// <summary>Command-line options of <see cref="ConcentrationBenchmark"/>.</summary>
internal sealed record BenchmarkOptions(long Rows, string Dir, int Threads, int Chunk, string? Child, string File, string Next)
{
    /// <summary>Run only these modes (comma-separated on the command line), e.g. engine-csv,duckdb-csv.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var o = new BenchmarkOptions(10_000_000, Path.Combine(Path.GetTempPath(), "alerts-bench"), Environment.ProcessorCount, 1_000_000, null, string.Empty, string.Empty);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"option {args[i]} needs a value");
            o = args[i] switch
            {
                "--rows" => o with { Rows = long.Parse(value, CultureInfo.InvariantCulture) },
                "--dir" => o with { Dir = value },
                "--threads" => o with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--chunk" => o with { Chunk = int.Parse(value, CultureInfo.InvariantCulture) },
                "--child" => o with { Child = value },
                "--file" => o with { File = value },
                "--next" => o with { Next = value },
                "--only" => o with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --rows N, --dir DIR, --threads T, --chunk ROWS, --only MODES)"),
            };
            i++;
        }

        return o;
    }
}
