using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts indices</c> on a Comext SDMX-CSV file without CRMA or supply-risk columns: the file goes straight into
/// the engine (<see cref="SdmxCsvEngineLoader"/>, any row order, no object per row) and the rows are written series by
/// series as the engine computes them (<see cref="IndexEngine.Drain"/>), so memory is the engine's per-partner sums,
/// not the input or the output. Same rows, fields and order as the general path.
/// </summary>
internal static class IndicesFastPath
{
    /// <summary>True when the file starts like SDMX-CSV.</summary>
    public static bool IsSdmxCsv(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var prefix = new byte[TradeDataFormatDetector.PrefixLength];
            var n = file.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
            return TradeDataFormatDetector.Detect(prefix.AsSpan(0, n)) == TradeDataFormat.ComextSdmxCsv;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the general path reports it
        }
    }

    /// <summary>Loads the file; null when the loader hands the file back to the general reader.</summary>
    public static (IndexEngine Engine, SdmxCsvLoad Load)? Load(string input, Basis basis, PartnerScopeKind scope, IndexSelection selection, TradeDataReaderOptions options)
    {
        var engine = new IndexEngine(new IndexEngineOptions { Windows = EngineWindows(selection), Bases = [basis] });
        var load = SdmxCsvEngineLoader.Load(input, Path.GetFileName(input), engine, scope, options);
        return load is null ? null : (engine, load);
    }

    /// <summary>Computes and writes every row; the engine is empty afterwards. CSV is computed and formatted on every core.</summary>
    public static void Write(IndexEngine engine, SdmxCsvLoad load, Basis basis, IndexSelection selection, TextWriter output, string format, ColumnGroups groups)
    {
        var published = selection == IndexSelection.Published;
        IReadOnlyList<IndexWindow> windows = !published ? EngineWindows(selection)
            : load.HasAnnual && load.HasMonthly ? [IndexWindow.Monthly, IndexWindow.Annual]
            : load.HasAnnual ? [IndexWindow.Annual]
            : [IndexWindow.Monthly];
        var writer = new IndicesWriter(output, format, groups);
        writer.Begin();
        if (format == "json")
        {
            // Top suppliers come from the engine's sums of the series just computed: one series at a time.
            foreach (var rows in engine.Drain(windows))
            {
                foreach (var row in Selected(rows, published, windows.Count > 1))
                {
                    writer.Write(Indexed(row, engine.Shares(row.Series, basis, row.Window, row.Period)), null);
                }
            }
        }
        else
        {
            var texts = engine.Drain(windows, Environment.ProcessorCount, rows =>
            {
                var text = new StringWriter(CultureInfo.InvariantCulture);
                var series = new IndicesWriter(text, format, groups);
                foreach (var row in Selected(rows, published, windows.Count > 1))
                {
                    series.Write(Indexed(row, []), null);
                }

                return text.ToString();
            });
            foreach (var text in texts)
            {
                output.Write(text);
            }
        }

        writer.End();
    }

    private static WindowedIndices Indexed(IndexRow row, IReadOnlyList<SupplierShare> shares) =>
        new(row, ComextIndicators.Currency, ConcentrationIndices.Of(row, shares));

    /// <summary>
    /// A series' rows as the general path gives them: published annual rows only where the data has that year as a
    /// period (not a sum of its months), in period order.
    /// </summary>
    private static List<IndexRow> Selected(IReadOnlyList<IndexRow> rows, bool published, bool sortByPeriod)
    {
        var selected = new List<IndexRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!published || row.Window != IndexWindow.Annual || row.FromAnnualData)
            {
                selected.Add(row);
            }
        }

        if (sortByPeriod)
        {
            selected.Sort((a, b) => a.Period.CompareTo(b.Period));
        }

        return selected;
    }

    private static IReadOnlyList<IndexWindow> EngineWindows(IndexSelection selection) => selection switch
    {
        IndexSelection.Published => [IndexWindow.Monthly, IndexWindow.Annual],
        IndexSelection.Monthly => [IndexWindow.Monthly],
        IndexSelection.Annual => [IndexWindow.Annual],
        IndexSelection.Rolling12 => [IndexWindow.Rolling12],
        _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, null),
    };
}
