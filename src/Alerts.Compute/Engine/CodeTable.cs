namespace Alerts.Compute.Engine;

/// <summary>
/// Interns codes (reporters, products, partners) to dense ints so the engine aggregates with arrays
/// instead of string-keyed dictionaries. Ids are assigned in first-seen order; nothing computed depends
/// on them (ties are broken by the code itself), so results do not depend on input order.
/// </summary>
public sealed class CodeTable
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spanLookup;
    private string[] codes = new string[16];

    public CodeTable() => spanLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of codes interned so far; ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count { get; private set; }

    /// <summary>The code with the given id.</summary>
    public string this[int id] => (uint)id < (uint)Count ? codes[id] : throw new ArgumentOutOfRangeException(nameof(id));

    /// <summary>The id of <paramref name="code"/>, adding it when new.</summary>
    public int Intern(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (ids.TryGetValue(code, out var id))
        {
            return id;
        }

        return Add(code);
    }

    /// <summary>The id of <paramref name="code"/>, adding it when new; allocates only for new codes.</summary>
    public int Intern(ReadOnlySpan<char> code) =>
        spanLookup.TryGetValue(code, out var id) ? id : Add(code.ToString());

    /// <summary>The id of <paramref name="code"/>, or -1 when it was never interned.</summary>
    public int Find(string code) => ids.TryGetValue(code, out var id) ? id : -1;

    internal string[] Codes => codes;

    private int Add(string code)
    {
        var id = Count;
        if (id == codes.Length)
        {
            Array.Resize(ref codes, codes.Length * 2);
        }

        codes[id] = code;
        ids.Add(code, id);
        Count = id + 1;
        return id;
    }
}
