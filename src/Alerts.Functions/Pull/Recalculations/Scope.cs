using System.Text.Json;
using Azure.Data.Tables;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>The products and commodities of a run; both empty = everything configured.</summary>
public sealed record Scope(IReadOnlyList<string> Products, IReadOnlyList<string> Commodities)
{
    public bool IsAll => Products.Count == 0 && Commodities.Count == 0;

    /// <summary>Two runs overlap when either is everything or they share a product or commodity.</summary>
    public bool Overlaps(Scope other) =>
        IsAll || other.IsAll || Products.Intersect(other.Products, StringComparer.Ordinal).Any() || Commodities.Intersect(other.Commodities, StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>Both scopes in one; everything absorbs anything.</summary>
    public Scope Union(Scope other) => IsAll || other.IsAll
        ? new Scope([], [])
        : new Scope([.. Products.Union(other.Products, StringComparer.Ordinal)], [.. Commodities.Union(other.Commodities, StringComparer.OrdinalIgnoreCase)]);

    public void WriteTo(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity["Products"] = JsonSerializer.Serialize(Products);
        entity["Commodities"] = JsonSerializer.Serialize(Commodities);
    }

    public static Scope From(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new Scope(
            JsonSerializer.Deserialize<List<string>>(entity.GetString("Products") ?? "[]") ?? [],
            JsonSerializer.Deserialize<List<string>>(entity.GetString("Commodities") ?? "[]") ?? []);
    }
}
