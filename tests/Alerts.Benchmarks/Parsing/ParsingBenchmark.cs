using System.Diagnostics;
using System.Globalization;
using Alerts.Core.Statistics;
using Alerts.Core.Statistics.JsonStat;
using Alerts.Core.Statistics.SdmxCsv;

namespace Alerts.Benchmarks.Parsing;

/// <summary>
/// Parses a generated 10-million-row SDMX-CSV file (streaming) and a large JSON-stat file, side by side with
/// reading the same bytes without parsing; prints rows/s, MB/s and the peak managed heap and working set of
/// each phase. Files are generated into a temp folder with a fixed seed and deleted afterwards.
/// Options: <c>--rows N</c> (10 000 000), <c>--json-products N</c> (40), <c>--dir PATH</c>, <c>--keep</c>.
/// </summary>
public sealed class ParsingBenchmark : IBenchmark
{
    private const int Seed = 20260101;

    public string Name => "parsing";

    public string Description => "SDMX-CSV and JSON-stat readers vs raw reads: rows/s, MB/s, peak memory";

    public async Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Long(args, "--rows", 10_000_000L);
        var jsonProducts = (int)BenchmarkArgs.Long(args, "--json-products", 40L);
        var dir = OptionText(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "alerts-parsing-bench");
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, "ds045409.csv");
        var json = Path.Combine(dir, "ds045409.json");
        try
        {
            var sw = Stopwatch.StartNew();
            SampleFileGenerator.WriteSdmxCsv(csv, rows, Seed);
            var cells = SampleFileGenerator.WriteJsonStat(json, 200, jsonProducts, 250, Seed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {rows:N0} CSV rows ({Mb(csv):F0} MB) and {cells:N0} JSON-stat cells ({Mb(json):F0} MB) in {sw.Elapsed.TotalSeconds:F1} s (seed {Seed})"));

            var unlimited = new TradeDataReaderOptions { MaxBytes = long.MaxValue, MaxObservations = int.MaxValue };
            Report("raw read  SDMX-CSV", csv, rows, () => RawRead(csv));
            Report("parse     SDMX-CSV", csv, rows, () =>
            {
                using var stream = File.OpenRead(csv);
                var reader = SdmxCsvReader.Create(csv, unlimited);
                long n = 0;
                foreach (var _ in reader.Observations(stream))
                {
                    n++;
                }

                return n;
            });
            Report("raw read  JSON-stat", json, cells, () => RawRead(json));
            Report("parse     JSON-stat", json, cells, () =>
            {
                using var stream = File.OpenRead(json);
                return JsonStatReader.Read(stream, json, unlimited).Observations.Count;
            });
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                File.Delete(csv);
                File.Delete(json);
            }
        }

        await Task.CompletedTask;
        return 0;
    }

    private static void Report(string label, string path, long rows, Func<long> run)
    {
        long result;
        var sw = Stopwatch.StartNew();
        using (var sampler = new MemorySampler())
        {
            result = run();
            sw.Stop();
            sampler.Dispose();
            var seconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {seconds,7:F2} s  {rows / seconds,12:N0} rows/s  {Mb(path) / seconds,8:F1} MB/s  peak heap {sampler.PeakHeapBytes / 1048576.0,7:F1} MB  peak working set {sampler.PeakWorkingSetBytes / 1048576.0,7:F1} MB  (result {result:N0})"));
        }
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
