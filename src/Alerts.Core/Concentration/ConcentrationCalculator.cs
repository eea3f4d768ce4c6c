namespace Alerts.Core.Concentration;

/// <summary>
/// Computes concentration indices from supplier amounts. Amounts are summed per partner in decimal and the
/// partners sorted by code first, so the result does not depend on input order or chunking.
/// </summary>
public static class ConcentrationCalculator
{
    public static ConcentrationIndices Compute(IEnumerable<SupplierAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var byPartner = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var a in amounts)
        {
            if (a.Amount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amounts), $"Negative amount {a.Amount} for partner {a.Partner}.");
            }

            byPartner[a.Partner] = byPartner.GetValueOrDefault(a.Partner) + a.Amount;
        }

        var positive = byPartner.Where(p => p.Value > 0).ToList();
        var total = positive.Sum(p => p.Value);
        if (positive.Count == 0 || total == 0)
        {
            return new ConcentrationIndices(total, 0, 0, 0, 0, 0, null, 0, 0, []);
        }

        var shares = positive
            .Select(p => new SupplierShare(p.Key, p.Value, (double)(p.Value / total)))
            .OrderByDescending(s => s.Amount)
            .ThenBy(s => s.Partner, StringComparer.Ordinal)
            .ToList();

        double sumSquares = 0;
        double entropy = 0;
        foreach (var s in shares.OrderBy(s => s.Partner, StringComparer.Ordinal))
        {
            sumSquares += s.Share * s.Share;
            entropy -= s.Share * Math.Log(s.Share);
        }

        var n = shares.Count;
        var hhi = sumSquares * 10000d;
        var normalized = n == 1 ? 1d : (sumSquares - (1d / n)) / (1d - (1d / n));
        var cr1 = shares[0].Share;
        var cr3 = shares.Take(3).Sum(s => s.Share);
        return new ConcentrationIndices(total, n, hhi, normalized, cr1, cr3, shares[0].Partner, 1d / sumSquares, entropy, shares);
    }
}
