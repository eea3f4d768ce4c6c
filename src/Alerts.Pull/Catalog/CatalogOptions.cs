namespace Alerts.Pull.Catalog;

/// <summary>Operator changes to the shipped commodity catalog (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>
    /// A JSON file in the shipped catalog's shape (<c>{"commodities":[{"id","name","stages":{...}}]}</c>) whose
    /// entries are added to the catalog or replace the entry with the same id, e.g. <c>Catalog__Path=catalog.json</c>.
    /// A relative path is taken from the working directory. None: the shipped catalog as it is.
    /// </summary>
    public string? Path { get; set; }
}
