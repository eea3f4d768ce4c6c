using Alerts.Deliver.Email;
using Alerts.Deliver.Teams;

namespace Alerts.Deliver.Rendering;

/// <summary>English short names for the ISO-2 codes that occur as suppliers and reporters; other codes show as themselves.</summary>
public static class CountryNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AE"] = "United Arab Emirates", ["AR"] = "Argentina", ["AT"] = "Austria", ["AU"] = "Australia",
        ["BE"] = "Belgium", ["BG"] = "Bulgaria", ["BO"] = "Bolivia", ["BR"] = "Brazil", ["BY"] = "Belarus",
        ["CA"] = "Canada", ["CD"] = "DR Congo", ["CH"] = "Switzerland", ["CL"] = "Chile", ["CN"] = "China",
        ["CY"] = "Cyprus", ["CZ"] = "Czechia", ["DE"] = "Germany", ["DK"] = "Denmark", ["EE"] = "Estonia",
        ["EG"] = "Egypt", ["EL"] = "Greece", ["ES"] = "Spain", ["FI"] = "Finland", ["FR"] = "France",
        ["GA"] = "Gabon", ["GB"] = "United Kingdom", ["GE"] = "Georgia", ["GH"] = "Ghana", ["GR"] = "Greece",
        ["HK"] = "Hong Kong", ["HR"] = "Croatia", ["HU"] = "Hungary", ["ID"] = "Indonesia", ["IE"] = "Ireland",
        ["IL"] = "Israel", ["IN"] = "India", ["IT"] = "Italy", ["JP"] = "Japan", ["KR"] = "South Korea",
        ["KZ"] = "Kazakhstan", ["LA"] = "Laos", ["LT"] = "Lithuania", ["LU"] = "Luxembourg", ["LV"] = "Latvia",
        ["MA"] = "Morocco", ["MG"] = "Madagascar", ["MM"] = "Myanmar", ["MN"] = "Mongolia", ["MT"] = "Malta",
        ["MX"] = "Mexico", ["MY"] = "Malaysia", ["MZ"] = "Mozambique", ["NG"] = "Nigeria", ["NL"] = "Netherlands",
        ["NO"] = "Norway", ["PE"] = "Peru", ["PH"] = "Philippines", ["PL"] = "Poland", ["PT"] = "Portugal",
        ["RO"] = "Romania", ["RS"] = "Serbia", ["RU"] = "Russia", ["RW"] = "Rwanda", ["SA"] = "Saudi Arabia",
        ["SE"] = "Sweden", ["SG"] = "Singapore", ["SI"] = "Slovenia", ["SK"] = "Slovakia", ["TH"] = "Thailand",
        ["TR"] = "Turkiye", ["TW"] = "Taiwan", ["UA"] = "Ukraine", ["US"] = "United States", ["VN"] = "Vietnam",
        ["ZA"] = "South Africa", ["ZM"] = "Zambia", ["ZW"] = "Zimbabwe",
        ["EU"] = "EU", ["EU27_2020"] = "EU", ["EU27"] = "EU", ["EU28"] = "EU",
    };

    /// <summary>The name for a code, or the code itself when it is not in the table.</summary>
    public static string Of(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "unknown" : Names.TryGetValue(code.Trim(), out var name) ? name : code.Trim();

    public static bool IsEu(string? reporter) => Of(reporter) == "EU";
}
