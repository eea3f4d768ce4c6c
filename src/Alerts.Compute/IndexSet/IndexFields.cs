using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.IndexSet;

/// <summary>
/// The index set, declared once. The HTTP API's index rows and changes, the <c>alerts indices</c> JSON, CSV and
/// table, the columns of the <c>indices</c> table and the rule metrics are all produced from these lists, so adding
/// an index is a field here, its computation (the engine's <see cref="ConcentrationIndices"/>, <see cref="IndexRow"/>,
/// <see cref="IndexChange"/>) and its tests. Names and columns are a contract: stored rows are read by them.
/// </summary>
public static class IndexFields
{
    public static IndexField Total { get; } = IndexField.OfAmount("total", "Total", "total", "exact sum of the reported amounts", i => i.Total, c => c.Total, isMetric: false);

    public static IndexField Suppliers { get; } = IndexField.OfCount("suppliers", "Suppliers", "number of suppliers", "number of suppliers with a positive amount", i => i.Suppliers, c => c.Suppliers);

    public static IndexField Hhi { get; } = IndexField.OfNumber("hhi", "Hhi", "HHI", "Herfindahl-Hirschman index on percentage shares, 0..10000", i => i.Hhi, c => c.Hhi, max: 10000);

    public static IndexField HhiNormalized { get; } = IndexField.OfNumber("hhiNormalized", "HhiNormalized", "normalized HHI", "normalized HHI (UNCTAD), 0..1", i => i.HhiNormalized, c => c.HhiNormalized, max: 1);

    public static IndexField Cr1 { get; } = IndexField.OfNumber("cr1", "Cr1", "largest supplier's share", "largest supplier's share, 0..1", i => i.Cr1, c => c.Cr1, max: 1);

    public static IndexField Cr3 { get; } = IndexField.OfNumber("cr3", "Cr3", "three largest suppliers' share", "three largest suppliers' share, 0..1", i => i.Cr3, c => c.Cr3, max: 1);

    public static IndexField TopSupplier { get; } = IndexField.OfCode("topSupplier", "TopSupplier", "largest supplier", "ISO-2 code of the largest supplier", i => i.TopSupplier, isMetric: false);

    public static IndexField EquivalentSuppliers { get; } = IndexField.OfNumber("equivalentSuppliers", "EquivalentSuppliers", "equivalent number of suppliers", "equivalent number of suppliers, 10000/HHI", i => i.EquivalentSuppliers, c => c.EquivalentSuppliers);

    public static IndexField Entropy { get; } = IndexField.OfNumber("entropy", "Entropy", "Shannon entropy", "Shannon entropy of the shares", i => i.Entropy, c => c.Entropy);

    public static IndexField HhiFraction { get; } = IndexField.OfNumber("hhiFraction", "HhiFraction", "HHI fraction", "HHI on fractional shares, 0..1", i => i.HhiFraction, max: 1);

    public static IndexField ExpEntropy { get; } = IndexField.OfNumber("expEntropy", "ExpEntropy", "exp(entropy)", "exp(entropy), the entropy's number of equal suppliers", i => i.ExpEntropy);

    /// <summary>The fields every index row carries, in output order: stored, in the HTTP API, in the CLI's JSON and CSV.</summary>
    public static IReadOnlyList<IndexField> Stored { get; } = [Total, Suppliers, Hhi, HhiNormalized, Cr1, Cr3, TopSupplier, EquivalentSuppliers, Entropy];

    /// <summary>Computed from the stored fields when read: in the CLI's JSON and CSV (after <c>window</c>) and as rule metrics, never stored.</summary>
    public static IReadOnlyList<IndexField> Derived { get; } = [HhiFraction, ExpEntropy];

    /// <summary>The fields with a change against an earlier row, in output order (stored, HTTP API, CLI, rule metrics).</summary>
    public static IReadOnlyList<IndexField> Changed { get; } = [Hhi, HhiNormalized, Cr1, Cr3, EquivalentSuppliers, Entropy, Suppliers, Total];

    /// <summary>Every field, stored then derived.</summary>
    public static IReadOnlyList<IndexField> All { get; } = [.. Stored, .. Derived];

    /// <summary>Indices built from stored values (a table row's columns), with the suppliers kept beside them.</summary>
    public static ConcentrationIndices Indices(IIndexFieldSource values, IReadOnlyList<SupplierShare> topSuppliers)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(
            values.Amount(Total),
            values.Count(Suppliers),
            values.Number(Hhi),
            values.Number(HhiNormalized),
            values.Number(Cr1),
            values.Number(Cr3),
            values.Code(TopSupplier),
            values.Number(EquivalentSuppliers),
            values.Number(Entropy),
            topSuppliers);
    }

    /// <summary>A change built from stored deltas of the <see cref="Changed"/> fields.</summary>
    public static IndexChange Change(Period against, decimal totalBefore, IIndexFieldSource deltas, string? topSupplierBefore)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        return new(
            against,
            totalBefore,
            deltas.Amount(Total),
            deltas.Number(Hhi),
            deltas.Number(HhiNormalized),
            deltas.Number(Cr1),
            deltas.Number(Cr3),
            deltas.Number(EquivalentSuppliers),
            deltas.Number(Entropy),
            deltas.Count(Suppliers),
            topSupplierBefore);
    }
}

/// <summary>Typed values of index fields from somewhere (a table row's columns), to rebuild indices or a change.</summary>
public interface IIndexFieldSource
{
    decimal Amount(IndexField field);

    int Count(IndexField field);

    double Number(IndexField field);

    string? Code(IndexField field);
}
