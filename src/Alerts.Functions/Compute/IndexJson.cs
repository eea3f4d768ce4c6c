using System.Text.Json.Serialization.Metadata;
using Alerts.Compute.IndexSet;

namespace Alerts.Functions.Compute;

/// <summary>
/// Writes the index set into the HTTP API's JSON: a type-info modifier that gives <see cref="IndexSummary"/> one
/// property per field of <see cref="IndexFields.Stored"/> (before <c>window</c>) and <see cref="IndexChangeSummary"/>
/// one per field of <see cref="IndexFields.Changed"/> (after <c>against</c>), named and ordered as declared. Being
/// part of the type's JSON contract, the fields are also what the OpenAPI test sees.
/// </summary>
public static class IndexJson
{
    public static void Modify(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        if (info.Type == typeof(IndexSummary))
        {
            Remove(info, "indices");
            Insert(info, At(info, "window"), IndexFields.Stored, field => row => field.Value(((IndexSummary)row).Indices));
        }
        else if (info.Type == typeof(IndexChangeSummary))
        {
            Remove(info, "change");
            Insert(info, At(info, "against") + 1, IndexFields.Changed, field => row => field.Change(((IndexChangeSummary)row).Change));
        }
    }

    // The carrier property is [JsonIgnore]d (never written) but still listed in the contract: it is replaced by its fields.
    private static void Remove(JsonTypeInfo info, string name) => info.Properties.RemoveAt(At(info, name));

    private static int At(JsonTypeInfo info, string name)
    {
        for (var i = 0; i < info.Properties.Count; i++)
        {
            if (info.Properties[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{info.Type.Name} has no JSON property '{name}' to place the index fields by.");
    }

    private static void Insert(JsonTypeInfo info, int at, IEnumerable<IndexField> fields, Func<IndexField, Func<object, object?>> read)
    {
        foreach (var field in fields)
        {
            var property = info.CreateJsonPropertyInfo(ClrType(field.Kind), field.Name);
            property.Get = read(field);
            info.Properties.Insert(at++, property);
        }
    }

    private static Type ClrType(IndexFieldKind kind) => kind switch
    {
        IndexFieldKind.Amount => typeof(decimal),
        IndexFieldKind.Count => typeof(int),
        IndexFieldKind.Number => typeof(double),
        _ => typeof(string),
    };
}
