using System.Buffers.Binary;
using System.Text;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Codes by their bytes (up to 16 packed into two words; longer ones by string), ids in order of first sight.</summary>
internal sealed class CodeIndex(int capacity)
{
    private readonly Dictionary<string, int> longer = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private ulong[] keys = new ulong[2 * 256];
    private int[] ids = new int[256];
    private int packedCount;

    public int Capacity { get; } = capacity;

    public int Count { get; private set; }

    /// <summary>The code of an id; safe to call from the consuming thread while the parser adds codes.</summary>
    public string Name(int id)
    {
        lock (names)
        {
            return names[id];
        }
    }

    public int Find(ReadOnlySpan<byte> code)
    {
        if (code.Length is 0 or > 16)
        {
            return code.Length == 0 ? -1 : longer.TryGetValue(Encoding.UTF8.GetString(code), out var l) ? l : -1;
        }

        var (lo, hi) = Pack(code);
        var mask = ids.Length - 1;
        var i = (int)(Hash(lo, hi) & (ulong)mask);
        while (true)
        {
            var id = ids[i];
            if (id == 0)
            {
                return -1;
            }

            if (keys[2 * i] == lo && keys[(2 * i) + 1] == hi)
            {
                return id - 1;
            }

            i = (i + 1) & mask;
        }
    }

    public int Add(ReadOnlySpan<byte> code)
    {
        var id = Count++;
        var name = Encoding.UTF8.GetString(code);
        lock (names)
        {
            names.Add(name);
        }

        if (code.Length > 16)
        {
            longer[name] = id;
            return id;
        }

        if ((packedCount + 1) * 2 > ids.Length)
        {
            var oldKeys = keys;
            var oldIds = ids;
            keys = new ulong[oldKeys.Length * 2];
            ids = new int[oldIds.Length * 2];
            for (var j = 0; j < oldIds.Length; j++)
            {
                if (oldIds[j] != 0)
                {
                    Put(oldKeys[2 * j], oldKeys[(2 * j) + 1], oldIds[j]);
                }
            }
        }

        var (lo, hi) = Pack(code);
        Put(lo, hi, id + 1);
        packedCount++;
        return id;
    }

    private void Put(ulong lo, ulong hi, int idPlusOne)
    {
        var mask = ids.Length - 1;
        var i = (int)(Hash(lo, hi) & (ulong)mask);
        while (ids[i] != 0)
        {
            i = (i + 1) & mask;
        }

        ids[i] = idPlusOne;
        keys[2 * i] = lo;
        keys[(2 * i) + 1] = hi;
    }

    private static ulong Hash(ulong lo, ulong hi) => ((lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL)) >> 24;

    private static (ulong Lo, ulong Hi) Pack(ReadOnlySpan<byte> code) =>
        code.Length <= 8 ? (Word(code), 0) : (Word(code[..8]), Word(code[8..]));

    /// <summary>Up to 8 bytes as a little-endian word, zero-padded.</summary>
    private static ulong Word(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }

        ulong word = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            word = (word << 8) | bytes[i];
        }

        return word;
    }
}
