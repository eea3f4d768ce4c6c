namespace Alerts.Compute.Engine;

/// <summary>
/// Computes concentration indices from supplier amounts, with the same kernel as <see cref="IndexEngine"/>:
/// amounts are summed per partner exactly in decimal and the indices computed from exact integer sums, so
/// the result does not depend on input order or chunking. Negative amounts are rejected; zero amounts do
/// not count as suppliers; no suppliers gives all-zero indices and a null top supplier.
/// </summary>
public static class ConcentrationCalculator
{
    public static ConcentrationIndices Compute(IEnumerable<SupplierAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var codes = new CodeTable();
        var entries = new List<PartnerSums>();
        foreach (var a in amounts)
        {
            if (a.Amount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amounts), $"Negative amount {a.Amount} for partner {a.Partner}.");
            }

            ArgumentNullException.ThrowIfNull(a.Partner, nameof(amounts));
            var before = codes.Count;
            var id = codes.Intern(a.Partner);
            if (id == before)
            {
                entries.Add(new PartnerSums { Partner = id, Flags = PartnerSums.WeightReported });
            }

            var e = entries[id];
            e.Weight += a.Amount;
            entries[id] = e;
        }

        var kernel = new ConcentrationKernel(codes);
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries);
        var v = kernel.Compute(span, 0);
        var shares = new List<SupplierShare>(v.Suppliers);
        foreach (var rank in kernel.LastRanking)
        {
            var amount = span[rank.Entry].Weight;
            shares.Add(new SupplierShare(codes[rank.Partner], amount, (double)(amount / v.Total)));
        }

        return ConcentrationIndices.Of(v, v.TopPartner < 0 ? null : codes[v.TopPartner], shares);
    }
}
