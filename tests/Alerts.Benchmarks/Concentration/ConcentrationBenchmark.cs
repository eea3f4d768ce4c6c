using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Benchmarks.Concentration;

/// <summary>
/// The concentration engine against DuckDB on a generated Comext-shaped dataset: (a) from the CSV file,
/// (b) from data already in memory, plus a check that both give the same HHI/CR1/CR3. Each measurement runs in its
/// own child process so peak memory (VmHWM) belongs to one contender.
/// Options: --rows N (default 10 000 000), --dir DIR, --threads T (both sides), --chunk ROWS.
/// </summary>
public sealed class ConcentrationBenchmark : IBenchmark
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Name => "concentration";

    public string Description => "concentration engine vs DuckDB (CSV, in memory): --rows N";

    public Task<int> RunAsync(string[] args)
    {
        var o = BenchmarkOptions.Parse(args);
        return Task.FromResult(o.Child is null ? RunParent(o) : RunChild(o));
    }

    private static int RunParent(BenchmarkOptions o)
    {
        Directory.CreateDirectory(o.Dir);
        var generator = new ComextDatasetGenerator(o.Rows);
        var file = Path.Combine(o.Dir, $"comext-{o.Rows}.csv");
        var next = Path.Combine(o.Dir, $"comext-{o.Rows}-next-month.csv");
        if (!File.Exists(file) || !File.Exists(next))
        {
            var sw = Stopwatch.StartNew();
            var rows = generator.Write(file + ".tmp");
            File.Move(file + ".tmp", file, overwrite: true);
            using (var w = new StreamWriter(next, false))
            {
                w.Write(ComextDatasetGenerator.Header + "\n");
                generator.WriteMonth(w, generator.Months);
            }

            Console.WriteLine($"generated {rows:N0} rows ({new FileInfo(file).Length / 1e6:F0} MB) in {sw.Elapsed.TotalSeconds:F1} s: {file}");
        }

        Console.WriteLine($"dataset: {file} ({new FileInfo(file).Length / 1e6:F0} MB), {generator.ProductCount} products, {generator.Months} months, threads {o.Threads}, cores {Environment.ProcessorCount}");
        var results = new Dictionary<string, ChildResult>();
        foreach (var mode in o.Only ?? ["duckdb-csv", "engine-csv", "duckdb-mem", "engine-mem", "verify"])
        {
            var r = RunChildProcess(mode, o, file, next);
            if (r is null)
            {
                return 1;
            }

            results[mode] = r;
            Console.WriteLine($"  {mode,-12} {r.Seconds,8:F3} s wall {r.CpuSeconds,8:F3} s cpu   peak {r.PeakBytes / 1e6,8:F0} MB (+{r.PeakAboveBaselineBytes / 1e6:F0} MB over start)   {r.Note}");
        }

        if (o.Only is not null)
        {
            return results.Values.All(r => r.Ok) ? 0 : 1;
        }

        var a = results["duckdb-csv"].Seconds / results["engine-csv"].Seconds;
        var b = results["duckdb-mem"].Seconds / results["engine-mem"].Seconds;
        Console.WriteLine();
        var ac = results["duckdb-csv"].CpuSeconds / results["engine-csv"].CpuSeconds;
        var bc = results["duckdb-mem"].CpuSeconds / results["engine-mem"].CpuSeconds;
        Console.WriteLine($"CPU-time ratios DuckDB/engine: (a) {ac:F2}x, (b) {bc:F2}x (load average {File.ReadAllText("/proc/loadavg").Trim()})");
        Console.WriteLine($"(a) from CSV:       engine {results["engine-csv"].Seconds:F3} s vs DuckDB {results["duckdb-csv"].Seconds:F3} s -> DuckDB/engine = {a:F2}x; peak MB engine {results["engine-csv"].PeakBytes / 1e6:F0} vs DuckDB {results["duckdb-csv"].PeakBytes / 1e6:F0}");
        Console.WriteLine($"(b) in memory:      engine {results["engine-mem"].Seconds:F3} s vs DuckDB {results["duckdb-mem"].Seconds:F3} s -> DuckDB/engine = {b:F2}x; extra peak MB engine {results["engine-mem"].PeakAboveBaselineBytes / 1e6:F0} vs DuckDB {results["duckdb-mem"].PeakAboveBaselineBytes / 1e6:F0}");
        Console.WriteLine($"same numbers:       {results["verify"].Note}");
        return results["verify"].Ok ? 0 : 1;
    }

    private static ChildResult? RunChildProcess(string mode, BenchmarkOptions o, string file, string next)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(ConcentrationBenchmark).Assembly.Location);
        }

        psi.FileName = self;
        foreach (var arg in new[] { "concentration", "--child", mode, "--file", file, "--next", next, "--threads", o.Threads.ToString(CultureInfo.InvariantCulture), "--chunk", o.Chunk.ToString(CultureInfo.InvariantCulture), "--rows", o.Rows.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(arg);
        }

        using var p = Process.Start(psi)!;
        string? resultLine = null;
        while (p.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                resultLine = line[7..];
            }
            else
            {
                Console.WriteLine($"    [{mode}] {line}");
            }
        }

        p.WaitForExit();
        if (p.ExitCode != 0 || resultLine is null)
        {
            Console.Error.WriteLine($"child {mode} failed with exit code {p.ExitCode}");
            return null;
        }

        return JsonSerializer.Deserialize<ChildResult>(resultLine, Json);
    }

    private static int RunChild(BenchmarkOptions o)
    {
        var result = o.Child switch
        {
            "engine-csv" => EngineCsv(o),
            "duckdb-csv" => DuckDbCsv(o),
            "engine-mem" => EngineMemory(o),
            "duckdb-mem" => DuckDbMemory(o),
            "verify" => Verify(o),
            _ => throw new ArgumentException($"unknown child mode {o.Child}"),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, Json));
        return 0;
    }

    // The comparison DuckDB makes: monthly windows, weight basis (the engine computes on one thread; --threads is DuckDB's).
    private static IndexEngineOptions Monthly(BenchmarkOptions o) =>
        new() { Windows = [IndexWindow.Monthly], Bases = [Basis.Weight] };

    // JIT and tiering warm-up on the small next-month file, untimed, for both sides alike.
    private static void WarmEngine(BenchmarkOptions o)
    {
        for (var i = 0; i < 3; i++)
        {
            var engine = new IndexEngine(Monthly(o));
            foreach (var batch in GeneratedCsvReader.Read(o.Next, o.Chunk))
            {
                engine.Add(batch);
            }

            engine.Recompute();
        }
    }

    private static void WarmDuckDb(DuckDbConcentration duck, BenchmarkOptions o) => duck.Compute(DuckDbConcentration.CsvSource(o.Next));

    private static ChildResult EngineCsv(BenchmarkOptions o)
    {
        WarmEngine(o);
        var baseline = ProcessMemory.CurrentBytes;
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        var engine = new IndexEngine(Monthly(o));
        var rowsRead = 0L;

        // Parse on one thread while the engine loads the previous chunk on this one (bounded: two chunks in flight).
        using var chunks = new System.Collections.Concurrent.BlockingCollection<TradeBatch>(2);
        var parser = Task.Run(() =>
        {
            try
            {
                foreach (var batch in GeneratedCsvReader.Read(o.File, o.Chunk))
                {
                    chunks.Add(batch);
                }
            }
            finally
            {
                chunks.CompleteAdding();
            }
        });
        foreach (var batch in chunks.GetConsumingEnumerable())
        {
            rowsRead += batch.Count;
            engine.Add(batch);
        }

        parser.GetAwaiter().GetResult();

        var load = sw.Elapsed.TotalSeconds;
        var rows = engine.Recompute();
        sw.Stop();
        return Measured(sw, cpu, baseline, $"{rowsRead:N0} rows read, {rows.Count:N0} index rows (read+load {load:F2} s, compute {sw.Elapsed.TotalSeconds - load:F2} s)");
    }

    private static ChildResult DuckDbCsv(BenchmarkOptions o)
    {
        using var duck = new DuckDbConcentration();
        WarmDuckDb(duck, o);
        var baseline = ProcessMemory.CurrentBytes;
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        duck.Compute(DuckDbConcentration.CsvSource(o.File));
        sw.Stop();
        return Measured(sw, cpu, baseline, "read_csv + GROUP BY into a table");
    }

    private static ChildResult EngineMemory(BenchmarkOptions o)
    {
        WarmEngine(o);
        var batches = GeneratedCsvReader.Read(o.File, o.Chunk).ToList();
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var reset = ProcessMemory.ResetPeak();
        var baseline = ProcessMemory.CurrentBytes;
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        var engine = new IndexEngine(Monthly(o));
        foreach (var batch in batches)
        {
            engine.Add(batch);
        }

        var load = sw.Elapsed.TotalSeconds;
        var rows = engine.Recompute();
        sw.Stop();
        GC.KeepAlive(batches);
        return Measured(sw, cpu, baseline, $"{rows.Count:N0} index rows from {batches.Sum(b => (long)b.Count):N0} rows in memory (load {load:F2} s, compute {sw.Elapsed.TotalSeconds - load:F2} s){(reset ? string.Empty : "; peak not reset: includes loading")}");
    }

    private static ChildResult DuckDbMemory(BenchmarkOptions o)
    {
        using var duck = new DuckDbConcentration();
        WarmDuckDb(duck, o);
        duck.LoadTable(o.File);
        GC.Collect();
        var reset = ProcessMemory.ResetPeak();
        var baseline = ProcessMemory.CurrentBytes;
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        duck.Compute("t");
        sw.Stop();
        return Measured(sw, cpu, baseline, "GROUP BY on loaded table into a table" + (reset ? string.Empty : "; peak not reset: includes loading"));
    }

    private static ChildResult Verify(BenchmarkOptions o)
    {
        var sw = Stopwatch.StartNew();
        var engine = new IndexEngine(Monthly(o));
        foreach (var batch in GeneratedCsvReader.Read(o.File, o.Chunk))
        {
            engine.Add(batch);
        }

        var rows = engine.Recompute();
        using var duck = new DuckDbConcentration();
        duck.Compute(DuckDbConcentration.CsvSource(o.File));
        var expected = duck.Results();
        var worst = 0d;
        var mismatches = 0;
        var missing = 0;
        foreach (var r in rows)
        {
            if (!expected.TryGetValue((r.Reporter, r.Product, r.Flow, r.Period), out var d))
            {
                missing++;
                continue;
            }

            var diff = Math.Max(Math.Abs(r.HhiFraction - (d.Hhi / 10000)), Math.Max(Math.Abs(r.Cr1 - d.Cr1), Math.Abs(r.Cr3 - d.Cr3)));
            worst = Math.Max(worst, diff);
            if (diff > 1e-9 || d.Suppliers != r.Suppliers)
            {
                mismatches++;
            }
        }

        var ok = mismatches == 0 && missing == 0 && expected.Count == rows.Count;
        sw.Stop();
        return new ChildResult(sw.Elapsed.TotalSeconds, ProcessMemory.PeakBytes, 0, ok,
            string.Create(CultureInfo.InvariantCulture, $"{(ok ? "OK" : "DIFFERENT")}: {rows.Count:N0} engine rows, {expected.Count:N0} DuckDB rows, {missing} missing, {mismatches} beyond 1e-9; max |diff| of HHI fraction/CR1/CR3 = {worst:E2}"));
    }

    private static ChildResult Measured(Stopwatch sw, TimeSpan cpuStart, long baseline, string note)
    {
        var peak = ProcessMemory.PeakBytes;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        return new ChildResult(sw.Elapsed.TotalSeconds, peak, peak - baseline, true, note) { CpuSeconds = cpu };
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    internal sealed record ChildResult(double Seconds, long PeakBytes, long PeakAboveBaselineBytes, bool Ok, string Note)
    {
        /// <summary>CPU seconds (all threads) spent in the timed part: less noisy than wall time on a shared machine.</summary>
        public double CpuSeconds { get; init; }
    }
}
