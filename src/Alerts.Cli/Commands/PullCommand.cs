using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Sources.Comtrade;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Comtrade;
using Alerts.Pull.Statistics.SdmxCsv;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts pull --source comext|comtrade --product CODE[,CODE] --from YYYY[-MM] --to YYYY[-MM] --out FILE [--base-url URL]</c>:
/// fetches live data through the real clients, one request per product and year, with a progress bar on
/// standard error, and writes it as SDMX-CSV (Comext) or Comtrade JSON (Comtrade), both readable by
/// <c>alerts indices</c>. The file is written to a temporary name and moved into place, so a failed pull leaves
/// nothing behind. The Comtrade key comes from <c>Sources__Comtrade__SubscriptionKey</c> (never printed).
/// </summary>
public static class PullCommand
{
    private static readonly string[] Options = ["source", "product", "from", "to", "out", "base-url"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string source, output;
        string? baseUrl;
        IReadOnlyList<string> products;
        Period first, last;
        try
        {
            var a = CommandArguments.Parse(args, Options);
            source = a.Choice("source", string.Empty, new Dictionary<string, string> { ["comext"] = "comext", ["comtrade"] = "comtrade" });
            if (source.Length == 0)
            {
                throw new CommandUsageException("option --source is required (comext or comtrade)");
            }

            products = a.Required("product").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            first = ParsePeriod(a.Required("from"), "from");
            last = ParsePeriod(a.Required("to"), "to");
            if (first.IsAnnual != last.IsAnnual || first > last)
            {
                throw new CommandUsageException($"--from {first} and --to {last} must both be years or both months, in order");
            }

            output = a.Required("out");
            baseUrl = a.Get("base-url");
            if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            {
                throw new CommandUsageException($"--base-url '{baseUrl}' is not an absolute URL");
            }
        }
        catch (CommandUsageException e)
        {
            await stderr.WriteLineAsync($"alerts pull: {e.Message}");
            await stderr.WriteLineAsync("usage: alerts pull --source comext|comtrade --product CODE --from YYYY-MM --to YYYY-MM --out FILE [--base-url URL]");
            return 2;
        }

        var settings = new Dictionary<string, string?>();
        if (baseUrl is not null)
        {
            settings[source == "comext" ? "Sources:Comext:BaseUrl" : "Sources:Comtrade:BaseUrl"] = baseUrl;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddTradeStatistics(configuration);
        await using var provider = services.BuildServiceProvider();

        var chunks = products.SelectMany(p => Enumerable.Range(first.Year, last.Year - first.Year + 1).Select(y => (Product: p, Year: y))).ToList();
        var parts = new List<TradeDataSet>();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        try
        {
            await console.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{source} {string.Join(",", products)} {first}..{last}", maxValue: chunks.Count);
                foreach (var (product, year) in chunks)
                {
                    var (start, end) = (first.IsAnnual ? Period.Annual(year) : year == first.Year ? first : Period.Monthly(year, 1),
                                        last.IsAnnual ? Period.Annual(year) : year == last.Year ? last : Period.Monthly(year, 12));
                    parts.Add(source == "comext"
                        ? await provider.GetRequiredService<ComextClient>().GetAsync(new ComextQuery { Products = [product], From = start, To = end }, cancellationToken)
                        : await provider.GetRequiredService<ComtradeClient>().GetAsync(new ComtradeQuery { Products = [product], Periods = Range(start, end) }, cancellationToken));
                    task.Increment(1);
                }
            });
        }
        catch (Exception e) when (e is TradeSourceException or TradeDataFormatException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"alerts pull: {e.Message}");
            return 1;
        }

        var data = TradeDataSet.Combine(source == "comext" ? TradeDataSource.Comext : TradeDataSource.Comtrade,
            source == "comext" ? TradeDataFormat.ComextSdmxCsv : TradeDataFormat.ComtradeJson, output, parts);
        var temp = output + ".partial";
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                if (source == "comext")
                {
                    await using var writer = new StreamWriter(file);
                    SdmxCsvWriter.Write(writer, data.Observations, data.Vintage);
                }
                else
                {
                    ComtradeJsonWriter.Write(file, data.Observations);
                }
            }

            File.Move(temp, output, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            File.Delete(temp);
            await stderr.WriteLineAsync($"alerts pull: cannot write {output}: {e.Message}");
            return 1;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {data.Observations.Count} observations ({chunks.Count} requests, vintage {data.Vintage}) to {output}"));
        return 0;
    }

    private static List<Period> Range(Period start, Period end)
    {
        var list = new List<Period>();
        for (var p = start; p <= end; p = p.Next())
        {
            list.Add(p);
        }

        return list;
    }

    private static Period ParsePeriod(string text, string option) =>
        Period.TryParse(text, out var p) ? p : throw new CommandUsageException($"--{option} '{text}' is not YYYY or YYYY-MM");
}
