namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// Code ids common to every parsing thread of one load (each parser interns into its own <see cref="CodeIndex"/>, and
/// <see cref="CodeMap"/> turns its ids into these), so a series or a cell key is the same whichever thread read the row.
/// </summary>
internal sealed class SharedCodes
{
    public CodeNames Reporters { get; } = new(1023);

    public CodeNames Partners { get; } = new(4095);

    public CodeNames Products { get; } = new(262143);
}

/// <summary>Names by id and ids by name, in order of first sight; safe from any thread (new codes are rare).</summary>
internal sealed class CodeNames(int capacity)
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    public string Name(int id)
    {
        lock (names)
        {
            return names[id];
        }
    }

    /// <summary>The id of <paramref name="name"/>, added when new; -1 when the capacity is reached.</summary>
    public int Id(string name)
    {
        lock (names)
        {
            if (!ids.TryGetValue(name, out var id))
            {
                if (names.Count >= capacity)
                {
                    return -1;
                }

                id = names.Count;
                names.Add(name);
                ids.Add(name, id);
            }

            return id;
        }
    }
}

/// <summary>One parser's code ids to the shared ones (-1: over capacity, the file needs the general reader).</summary>
internal sealed class CodeMap(CodeIndex local, CodeNames shared)
{
    private int[] map = [];

    public int Shared(int id)
    {
        if ((uint)id < (uint)map.Length && map[id] >= 0)
        {
            return map[id];
        }

        if (id >= map.Length)
        {
            var old = map.Length;
            Array.Resize(ref map, Math.Max(id + 1, old * 2));
            map.AsSpan(old).Fill(-1);
        }

        return map[id] = shared.Id(local.Name(id));
    }
}
