using System.Diagnostics;
using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Benchmarks.Parsing;

/// <summary>
/// Parses a generated 10-million-row SDMX-CSV file and a generated 10-million-cell JSON-stat file with the
/// streaming readers (observations counted, never materialised), side by side with reading the same bytes
/// without parsing; prints rows/s, MB/s and the peak managed heap and working set of each phase. JSON-stat is
/// read three ways: a file with <c>value</c> first as Eurostat writes it (two passes, the file re-positioned),
/// the same bytes through a non-seekable stream (spooled to a temporary file, as an HTTP body is), and a file
/// with the dimensions first (one pass). Files are generated into a temp folder with a fixed seed and deleted
/// afterwards. Options: <c>--rows N</c> (10 000 000 CSV rows), <c>--json-products N</c> (100: 200 partners x N
/// products x 2 indicators x 250 months = 10 M cells), <c>--only csv|json</c>, <c>--dir PATH</c>, <c>--keep</c>.
/// </summary>
public sealed class ParsingBenchmark : IBenchmark
{
    private const int Seed = 20260101;

    public string Name => "parsing";

    public string Description => "SDMX-CSV and JSON-stat streaming readers vs raw reads: rows/s, MB/s, peak memory";

    public async Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Long(args, "--rows", 10_000_000L);
        var jsonProducts = BenchmarkArgs.Int(args, "--json-products", 100);
        var only = OptionText(args, "--only");
        if (only is not (null or "csv" or "json"))
        {
            throw new ArgumentException("option --only takes csv or json");
        }

        var dir = OptionText(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "alerts-parsing-bench");
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, "ds045409.csv");
        var json = Path.Combine(dir, "ds045409.json");
        var jsonDimensionsFirst = Path.Combine(dir, "ds045409-dimensions-first.json");
        var unlimited = new TradeDataReaderOptions { MaxBytes = long.MaxValue, MaxObservations = int.MaxValue, SpoolDirectory = dir };
        try
        {
            if (only is null or "csv")
            {
                var sw = Stopwatch.StartNew();
                SampleFileGenerator.WriteSdmxCsv(csv, rows, Seed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {rows:N0} SDMX-CSV rows ({Mb(csv):F0} MB) in {sw.Elapsed.TotalSeconds:F1} s (seed {Seed})"));
                Report("raw read  SDMX-CSV", csv, rows, () => RawRead(csv));
                Report("parse     SDMX-CSV", csv, rows, () =>
                {
                    using var stream = File.OpenRead(csv);
                    return Count(SdmxCsvReader.Create(csv, unlimited).Observations(stream));
                });
                File.Delete(csv);
            }

            if (only is null or "json")
            {
                var sw = Stopwatch.StartNew();
                var cells = SampleFileGenerator.WriteJsonStat(json, 200, jsonProducts, 250, Seed);
                SampleFileGenerator.WriteJsonStat(jsonDimensionsFirst, 200, jsonProducts, 250, Seed, dimensionsFirst: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated 2 x {cells:N0} JSON-stat cells ({Mb(json):F0} MB each) in {sw.Elapsed.TotalSeconds:F1} s (seed {Seed}); rows = cells with a number"));
                WarmUp(dir, unlimited);
                Report("raw read  JSON-stat", json, cells, () => RawRead(json));
                Report("parse     JSON-stat value first, file (2 passes)", json, cells, () =>
                {
                    using var stream = File.OpenRead(json);
                    return Count(JsonStatReader.Create(json, unlimited).Observations(stream));
                });
                Report("parse     JSON-stat value first, non-seekable (spooled)", json, cells, () =>
                {
                    using var stream = new ForwardOnlyStream(File.OpenRead(json));
                    return Count(JsonStatReader.Create(json, unlimited).Observations(stream));
                });
                Report("parse     JSON-stat dimensions first, file (1 pass)", jsonDimensionsFirst, cells, () =>
                {
                    using var stream = File.OpenRead(jsonDimensionsFirst);
                    return Count(JsonStatReader.Create(jsonDimensionsFirst, unlimited).Observations(stream));
                });
            }
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                File.Delete(csv);
                File.Delete(json);
                File.Delete(jsonDimensionsFirst);
            }
        }

        await Task.CompletedTask;
        return 0;
    }

    /// <summary>Parses a small file both ways untimed, so the timed phases run optimised code, not the first JIT tier.</summary>
    private static void WarmUp(string dir, TradeDataReaderOptions options)
    {
        var path = Path.Combine(dir, "warm-up.json");
        try
        {
            foreach (var dimensionsFirst in new[] { false, true })
            {
                SampleFileGenerator.WriteJsonStat(path, 200, 10, 250, Seed, dimensionsFirst);
                using var stream = File.OpenRead(path);
                Count(JsonStatReader.Create(path, options).Observations(stream));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static long Count(IEnumerable<TradeObservation> observations)
    {
        long n = 0;
        foreach (var _ in observations)
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// Runs one phase and prints wall time and the process's CPU time (reader, GC and sampler threads): on a
    /// shared machine the wall clock includes waiting for a core, CPU time does not (rates are given for both).
    /// </summary>
    private static void Report(string label, string path, long rows, Func<long> run)
    {
        long result;
        var cpuBefore = ProcessCpu();
        var sw = Stopwatch.StartNew();
        using (var sampler = new MemorySampler())
        {
            result = run();
            sw.Stop();
            var cpu = (ProcessCpu() - cpuBefore).TotalSeconds;
            sampler.Dispose();
            var seconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-56} wall {seconds,6:F2} s {rows / seconds,11:N0} rows/s {Mb(path) / seconds,7:F1} MB/s | cpu {cpu,6:F2} s {rows / cpu,11:N0} rows/s {Mb(path) / cpu,7:F1} MB/s | peak heap {sampler.PeakHeapBytes / 1048576.0,6:F1} MB, working set {sampler.PeakWorkingSetBytes / 1048576.0,6:F1} MB (at start {sampler.StartWorkingSetBytes / 1048576.0,6:F1}) | result {result:N0}"));
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long RawRead(string path)
    {
        var buffer = new byte[1 << 16];
        using var stream = File.OpenRead(path);
        long total = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static double Mb(string path) => new FileInfo(path).Length / 1048576.0;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
