using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Alerts.Pull.Statistics.Comtrade;

/// <summary>
/// UN Comtrade (M49) reporter and partner codes mapped to the ISO-2 codes Comext uses, so both sources
/// describe the same countries. Shipped as data (<c>m49-codes.json</c>); 97 (European Union) maps to
/// <c>EU27_2020</c>, 490 to Taiwan, and the non-country codes (World, areas nes, bunkers, free zones) are listed so
/// they can be dropped.
/// </summary>
public sealed class M49CountryCodes
{
    private readonly Dictionary<int, string> _toIso;
    private readonly Dictionary<string, int> _fromIso;
    private readonly HashSet<int> _nonCountries;

    private M49CountryCodes(Dictionary<int, string> toIso, HashSet<int> nonCountries)
    {
        _toIso = toIso;
        _nonCountries = nonCountries;
        // Where ISO and Comtrade codes differ (250/251 France), the Comtrade code is the higher one; prefer it when writing.
        _fromIso = toIso.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(p => p.Key), StringComparer.Ordinal);
    }

    /// <summary>The shipped table.</summary>
    public static M49CountryCodes Default { get; } = LoadEmbedded();

    /// <summary>True for World (0) and the codes that are not a supplier country.</summary>
    public bool IsNonCountry(int code) => _nonCountries.Contains(code);

    public bool TryGetIso(int code, out string iso) => _toIso.TryGetValue(code, out iso!);

    /// <summary>The Comtrade code for an ISO-2 code (or <c>EU27_2020</c>), for writing Comtrade-shaped files.</summary>
    public bool TryGetM49(string iso, out int code) => _fromIso.TryGetValue(iso, out code);

    public IReadOnlyCollection<int> Codes => _toIso.Keys;

    private static M49CountryCodes LoadEmbedded()
    {
        using var stream = typeof(M49CountryCodes).Assembly.GetManifestResourceStream("Alerts.Pull.Statistics.Comtrade.m49-codes.json")
            ?? throw new InvalidOperationException("embedded m49-codes.json is missing");
        using var doc = JsonDocument.Parse(stream);
        var map = new Dictionary<int, string>();
        foreach (var section in new[] { "reporters", "countries" })
        {
            foreach (var p in doc.RootElement.GetProperty(section).EnumerateObject())
            {
                map[int.Parse(p.Name, CultureInfo.InvariantCulture)] = p.Value.GetString()!;
            }
        }

        var non = doc.RootElement.GetProperty("nonCountries").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        return new M49CountryCodes(map, non);
    }
}
