using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// Observations in columns with interned codes: what the <see cref="IndexEngine"/> loads. Build one from
/// <see cref="TradeObservation"/>s with <see cref="From"/>, or add rows directly (fast readers intern codes
/// themselves through <see cref="Reporters"/>, <see cref="Products"/>, <see cref="Partners"/>). Amounts
/// must be non-negative; a null amount means not reported (confidential), not zero.
/// </summary>
public sealed class TradeBatch
{
    private readonly Dictionary<ulong, int> seriesIds = [];
    private (int Reporter, int Product, TradeFlow Flow)[] series = new (int, int, TradeFlow)[16];
    private ulong lastSeriesKey = ulong.MaxValue;
    private int lastSeries;
    private int[] seriesColumn;
    private int[] partnerColumn;
    private int[] periodColumn;
    private decimal[] weightColumn;
    private decimal[] valueColumn;
    private byte[] flagsColumn;

    public TradeBatch(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        seriesColumn = new int[capacity];
        partnerColumn = new int[capacity];
        periodColumn = new int[capacity];
        weightColumn = new decimal[capacity];
        valueColumn = new decimal[capacity];
        flagsColumn = new byte[capacity];
    }

    public CodeTable Reporters { get; } = new();

    public CodeTable Products { get; } = new();

    public CodeTable Partners { get; } = new();

    /// <summary>Rows added.</summary>
    public int Count { get; private set; }

    /// <summary>Distinct (reporter, product, flow) series among the rows.</summary>
    public int SeriesCount { get; private set; }

    internal ReadOnlySpan<int> SeriesColumn => seriesColumn.AsSpan(0, Count);

    internal ReadOnlySpan<int> PartnerColumn => partnerColumn.AsSpan(0, Count);

    internal ReadOnlySpan<int> PeriodColumn => periodColumn.AsSpan(0, Count);

    internal ReadOnlySpan<decimal> WeightColumn => weightColumn.AsSpan(0, Count);

    internal ReadOnlySpan<decimal> ValueColumn => valueColumn.AsSpan(0, Count);

    internal ReadOnlySpan<byte> FlagsColumn => flagsColumn.AsSpan(0, Count);

    internal (int Reporter, int Product, TradeFlow Flow) SeriesAt(int id) => series[id];

    /// <summary>A batch holding <paramref name="observations"/>.</summary>
    public static TradeBatch From(IEnumerable<TradeObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var batch = new TradeBatch(observations.TryGetNonEnumeratedCount(out var n) ? n : 1024);
        foreach (var o in observations)
        {
            batch.Add(o);
        }

        return batch;
    }

    public void Add(TradeObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.QuantityKg < 0 || observation.Value < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(observation),
                $"Negative amount in observation {observation.Reporter}/{observation.Product}/{observation.Flow}/{observation.Period} partner {observation.Partner}: weight {observation.QuantityKg}, value {observation.Value}.");
        }

        Add(
            Reporters.Intern(observation.Reporter),
            Products.Intern(observation.Product),
            observation.Flow,
            Partners.Intern(observation.Partner),
            observation.Period,
            observation.QuantityKg,
            observation.Value);
    }

    /// <summary>Adds a row by interned ids (from this batch's code tables).</summary>
    public void Add(int reporter, int product, TradeFlow flow, int partner, Period period, decimal? weightKg, decimal? value)
    {
        if (flow is not (TradeFlow.Import or TradeFlow.Export))
        {
            throw new ArgumentOutOfRangeException(nameof(flow), $"Unknown flow {(int)flow}.");
        }

        if (weightKg < 0 || value < 0)
        {
            throw new ArgumentOutOfRangeException(
                weightKg < 0 ? nameof(weightKg) : nameof(value),
                $"Negative amount for {Reporters[reporter]}/{Products[product]}/{flow}/{period} partner {Partners[partner]}: weight {weightKg}, value {value}.");
        }

        if ((uint)partner >= (uint)Partners.Count || (uint)reporter >= (uint)Reporters.Count || (uint)product >= (uint)Products.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(partner), "Code id not interned in this batch.");
        }

        if (Count == seriesColumn.Length)
        {
            Grow();
        }

        var i = Count++;
        seriesColumn[i] = SeriesId(reporter, product, flow);
        partnerColumn[i] = partner;
        periodColumn[i] = EncodePeriod(period);
        var flags = (byte)0;
        if (weightKg is { } w)
        {
            weightColumn[i] = w;
            flags |= PartnerSums.WeightReported;
        }
        else
        {
            weightColumn[i] = 0;
        }

        if (value is { } v)
        {
            valueColumn[i] = v;
            flags |= PartnerSums.ValueReported;
        }
        else
        {
            valueColumn[i] = 0;
        }

        flagsColumn[i] = flags;
    }

    /// <summary>year * 16 + month (month 0 = annual): compact and ordered.</summary>
    internal static int EncodePeriod(Period p) => (p.Year * 16) + p.Month;

    internal static Period DecodePeriod(int code) => new(code >> 4, code & 15);

    private int SeriesId(int reporter, int product, TradeFlow flow)
    {
        var key = ((ulong)(uint)reporter << 34) | ((ulong)(uint)product << 2) | (ulong)flow;
        if (key == lastSeriesKey)
        {
            return lastSeries;
        }

        if (!seriesIds.TryGetValue(key, out var id))
        {
            id = SeriesCount++;
            if (id == series.Length)
            {
                Array.Resize(ref series, series.Length * 2);
            }

            series[id] = (reporter, product, flow);
            seriesIds.Add(key, id);
        }

        lastSeriesKey = key;
        lastSeries = id;
        return id;
    }

    private void Grow()
    {
        var n = seriesColumn.Length * 2;
        Array.Resize(ref seriesColumn, n);
        Array.Resize(ref partnerColumn, n);
        Array.Resize(ref periodColumn, n);
        Array.Resize(ref weightColumn, n);
        Array.Resize(ref valueColumn, n);
        Array.Resize(ref flagsColumn, n);
    }
}
