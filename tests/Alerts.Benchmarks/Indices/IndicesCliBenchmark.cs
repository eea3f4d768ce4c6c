using System.Diagnostics;
using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Benchmarks.Indices;

/// <summary>
/// The command a user runs against DuckDB, end to end, on the same generated Comext SDMX-CSV file: <c>alerts
/// indices --input FILE --format csv --output OUT</c> as a process (the built CLI) beside one DuckDB SQL query from
/// the file to a CSV file (in a child process of this benchmark), at 1 M and 10 M rows, sorted by series and
/// scattered. Each run is a separate process timed from outside, with its peak resident memory (from
/// <c>/usr/bin/time</c> where it exists, else polled VmHWM); the median of <c>--runs</c> runs (A B A B ...) is
/// reported with the ratios alerts/DuckDB (below 1 = alerts is faster or leaner), and both outputs are compared
/// (HHI, CR1, CR3, suppliers on every group). A second line gives the engine alone (the same loader and engine
/// in a process that writes nothing) against the same DuckDB figures.
/// Options: --rows N[,N] (default 1000000,10000000), --dir DIR (default /tmp/alerts-indices-bench), --runs R
/// (default 3), --alerts PATH (default the Release build of src/Alerts.Cli), --order sorted,scattered.
/// </summary>
public sealed class IndicesCliBenchmark : IBenchmark
{
    public string Name => "indices";

    public string Description => "`alerts indices` (the CLI process) vs DuckDB, SDMX-CSV file to CSV, sorted and scattered: --rows 1000000,10000000";

    public Task<int> RunAsync(string[] args) => Task.FromResult(Run(args));

    private static int Run(string[] args)
    {
        string Opt(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        if (Opt("--child", string.Empty) == "duckdb")
        {
            DuckDbIndices.Run(Opt("--input", string.Empty), Opt("--output", string.Empty));
            return 0;
        }

        if (Opt("--child", string.Empty) == "engine")
        {
            return EngineOnly(Opt("--input", string.Empty));
        }

        var rowsList = Opt("--rows", "1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var dir = Opt("--dir", Path.Combine(Path.GetTempPath(), "alerts-indices-bench"));
        var runs = int.Parse(Opt("--runs", "3"), CultureInfo.InvariantCulture);
        var orders = Opt("--order", "sorted,scattered").Split(',');
        var alerts = Opt("--alerts", FindCli());
        var generateOnly = args.Contains("--generate-only");
        if (!generateOnly && !File.Exists(alerts))
        {
            Console.Error.WriteLine($"alerts CLI not found at {alerts}: build it first (dotnet build -c Release src/Alerts.Cli) or pass --alerts PATH");
            return 2;
        }

        Directory.CreateDirectory(dir);
        var self = Environment.ProcessPath!;
        // Under `dotnet Alerts.Benchmarks.dll` the child needs the dll; under the apphost (`dotnet run`) it must not get it.
        var selfArgs = Path.GetFileNameWithoutExtension(self) == "dotnet" ? new[] { Environment.GetCommandLineArgs()[0] } : [];
        Console.WriteLine($"alerts: {alerts}; {Environment.ProcessorCount} cores; load {Load()}; runs {runs} (median)");
        Console.WriteLine($"{"rows",11} {"order",-9} {"alerts s",9} {"DuckDB s",9} {"time A/D",9} {"alerts MB",10} {"DuckDB MB",10} {"mem A/D",8}  same numbers");
        var ok = true;
        foreach (var rows in rowsList)
        {
            var generator = new SdmxCsvGenerator(rows);
            foreach (var order in orders)
            {
                var scattered = order == "scattered";
                var file = Path.Combine(dir, $"comext-sdmx-{rows}-{order}.csv");
                if (!File.Exists(file))
                {
                    var sw = Stopwatch.StartNew();
                    var written = generator.Write(file + ".tmp", scattered);
                    File.Move(file + ".tmp", file, overwrite: true);
                    Console.WriteLine($"  generated {file}: {written:N0} rows, {new FileInfo(file).Length / 1e6:F0} MB in {sw.Elapsed.TotalSeconds:F1} s");
                }

                if (generateOnly)
                {
                    continue;
                }

                var outA = Path.Combine(dir, "alerts-out.csv");
                var outD = Path.Combine(dir, "duckdb-out.csv");
                var a = new List<Measured>();
                var d = new List<Measured>();
                for (var r = 0; r < runs; r++)
                {
                    a.Add(Measure(alerts, ["indices", "--input", file, "--format", "csv", "--output", outA]));
                    d.Add(Measure(self, [.. selfArgs, "indices", "--child", "duckdb", "--input", file, "--output", outD]));
                }

                var check = Compare(outA, outD);
                ok &= check.Ok && a.All(m => m.ExitCode == 0) && d.All(m => m.ExitCode == 0);
                var ma = Median(a);
                var md = Median(d);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows,11:N0} {order,-9} {ma.Seconds,9:F2} {md.Seconds,9:F2} {ma.Seconds / md.Seconds,9:F2} {ma.PeakBytes / 1e6,10:F0} {md.PeakBytes / 1e6,10:F0} {(double)ma.PeakBytes / md.PeakBytes,8:F2}  {check.Note}"));
                var engine = Median([.. Enumerable.Range(0, runs).Select(_ => Measure(self, [.. selfArgs, "indices", "--child", "engine", "--input", file]))]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{string.Empty,21} engine alone (in process, same file, no output): {engine.Seconds:F2} s, {engine.PeakBytes / 1e6:F0} MB; time engine/DuckDB {engine.Seconds / md.Seconds:F2}, memory {(double)engine.PeakBytes / md.PeakBytes:F2}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{string.Empty,21} cpu s: alerts {ma.CpuSeconds:F2}, DuckDB {md.CpuSeconds:F2}; all runs alerts [{string.Join(" ", a.Select(m => m.Seconds.ToString("F2", CultureInfo.InvariantCulture)))}] DuckDB [{string.Join(" ", d.Select(m => m.Seconds.ToString("F2", CultureInfo.InvariantCulture)))}]; load {Load()}"));
            }
        }

        Console.WriteLine("the engine against DuckDB on the engine benchmark's own CSV: dotnet run -c Release --project tests/Alerts.Benchmarks -- concentration");
        return ok ? 0 : 1;
    }

    /// <summary>The engine alone: the SDMX-CSV file loaded and every row computed, nothing written.</summary>
    private static int EngineOnly(string input)
    {
        var engine = new IndexEngine(new IndexEngineOptions { Windows = [IndexWindow.Monthly], Bases = [Basis.Weight] });
        var load = SdmxCsvEngineLoader.Load(input, Path.GetFileName(input), engine, PartnerScopeKind.ThirdCountries, new TradeDataReaderOptions { MaxBytes = 2L << 30 });
        if (load is null)
        {
            return 1;
        }

        long rows = 0;
        foreach (var n in engine.Drain([IndexWindow.Monthly], Environment.ProcessorCount, r => r.Count))
        {
            rows += n;
        }

        return rows > 0 ? 0 : 1;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

    private static string FindCli()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null ? "alerts" : Path.Combine(dir.FullName, "src", "Alerts.Cli", "bin", "Release", "net10.0", "alerts");
    }

    private sealed record Measured(double Seconds, double CpuSeconds, long PeakBytes, int ExitCode);

    private static Measured Median(List<Measured> all)
    {
        var bySeconds = all.OrderBy(m => m.Seconds).ToList();
        var byPeak = all.OrderBy(m => m.PeakBytes).ToList();
        var m = bySeconds[bySeconds.Count / 2];
        return m with { PeakBytes = byPeak[byPeak.Count / 2].PeakBytes };
    }

    /// <summary>Runs one process; times it from outside (wall) and takes its CPU time and peak RSS from /usr/bin/time.</summary>
    private static Measured Measure(string exe, string[] args)
    {
        var report = Path.GetTempFileName();
        var useTime = File.Exists("/usr/bin/time");
        var psi = new ProcessStartInfo(useTime ? "/usr/bin/time" : exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (useTime)
        {
            foreach (var a in (string[])["-f", "%U %S %M", "-o", report, exe])
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var seconds = sw.Elapsed.TotalSeconds;
        if (p.ExitCode != 0)
        {
            Console.Error.WriteLine($"  {Path.GetFileName(exe)} exited {p.ExitCode}: {stderr.Result.Trim()}");
        }

        double cpu = 0;
        long peak = 0;
        if (useTime)
        {
            var parts = File.ReadAllLines(report).Last(l => l.Length > 0).Split(' ');
            cpu = double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture);
            peak = long.Parse(parts[2], CultureInfo.InvariantCulture) * 1024;
        }

        File.Delete(report);
        return new Measured(seconds, cpu, peak, p.ExitCode);
    }

    /// <summary>Both outputs on every group: the same groups, and HHI, CR1, CR3 within 1e-9 relative, the same supplier counts.</summary>
    private static (bool Ok, string Note) Compare(string alertsCsv, string duckCsv)
    {
        static Dictionary<string, (double Hhi, double Cr1, double Cr3, long N)> Load(string path, bool alerts)
        {
            var result = new Dictionary<string, (double, double, double, long)>(StringComparer.Ordinal);
            using var reader = new StreamReader(path);
            var header = reader.ReadLine()!.Split(',');
            int Col(string name) => Array.IndexOf(header, name);
            int reporter = Col("reporter"), product = Col("product"), flow = Col("flow"), period = Col("period"), hhi = Col("hhi"), cr1 = Col("cr1"), cr3 = Col("cr3"), n = Col("suppliers");
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var c = line.Split(',');
                var suppliers = long.Parse(c[n], CultureInfo.InvariantCulture);
                if (alerts && suppliers == 0)
                {
                    continue; // DuckDB has no group without a supplier
                }

                var f = alerts ? (c[flow] == "import" ? "1" : "2") : c[flow];
                result[$"{c[reporter]}|{c[product]}|{f}|{c[period]}"] = (D(c[hhi]), D(c[cr1]), D(c[cr3]), suppliers);
            }

            return result;
        }

        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

        if (!File.Exists(alertsCsv) || !File.Exists(duckCsv))
        {
            return (false, "an output is missing");
        }

        var a = Load(alertsCsv, alerts: true);
        var d = Load(duckCsv, alerts: false);
        var worst = 0d;
        var differing = 0;
        foreach (var (key, x) in d)
        {
            if (!a.TryGetValue(key, out var y) || x.N != y.N)
            {
                differing++;
                continue;
            }

            worst = Math.Max(worst, Math.Max(Rel(x.Hhi, y.Hhi), Math.Max(Rel(x.Cr1, y.Cr1), Rel(x.Cr3, y.Cr3))));
        }

        var ok = differing == 0 && a.Count == d.Count && worst <= 1e-9;
        return (ok, string.Create(CultureInfo.InvariantCulture, $"{(ok ? "yes" : "NO")}: {d.Count:N0} groups (alerts {a.Count:N0}), {differing} differ, max rel. difference {worst:E1}"));
    }

    private static double Rel(double x, double y) => Math.Abs(x - y) / Math.Max(1e-300, Math.Max(Math.Abs(x), Math.Abs(y)));
}
