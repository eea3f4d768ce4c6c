namespace Alerts.Pull.Statistics.Scope;

/// <summary>
/// Decides which partners count as suppliers: real countries only. A partner is a country when
/// its code is two capital letters and not one of the Q codes (QP high seas, QQ-QS stores and provisions,
/// QU-QZ not specified or confidential) or EU; every longer code (WORLD, EXT_EU27_2020, INT_EU27_2020, EXT_EA21, ...)
/// is an aggregate. For reporter <c>EU27_2020</c> (or a member state) the 27 member states are intra-EU.
/// </summary>
public static class PartnerScope
{
    public const string EuReporter = "EU27_2020";

    /// <summary>The 27 member states since 1 February 2020, in Comext codes (Greece is GR).</summary>
    public static IReadOnlySet<string> EuMemberStates { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    /// <summary>Two-letter codes that are not a supplier country.</summary>
    public static IReadOnlySet<string> NonCountryCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "QP", "QQ", "QR", "QS", "QU", "QV", "QW", "QX", "QY", "QZ", "EU", "EA", "XX",
    };

    /// <summary>True when the code names a real country.</summary>
    public static bool IsCountry(string partner) =>
        partner is { Length: 2 } && char.IsAsciiLetterUpper(partner[0]) && char.IsAsciiLetterUpper(partner[1]) && !NonCountryCodes.Contains(partner);

    public static bool IsEuReporter(string reporter) => reporter == EuReporter || EuMemberStates.Contains(reporter);

    public static PartnerClass Classify(string reporter, string partner)
    {
        if (!IsCountry(partner) || partner == reporter)
        {
            return PartnerClass.Excluded;
        }

        return IsEuReporter(reporter) && EuMemberStates.Contains(partner) ? PartnerClass.IntraEu : PartnerClass.ThirdCountry;
    }

    public static bool Includes(PartnerScopeKind scope, string reporter, string partner) => (scope, Classify(reporter, partner)) switch
    {
        (_, PartnerClass.Excluded) => false,
        (PartnerScopeKind.ThirdCountries, var c) => c == PartnerClass.ThirdCountry,
        (PartnerScopeKind.IntraEu, var c) => c == PartnerClass.IntraEu,
        _ => true,
    };

    /// <summary>The observations whose partner is in the scope.</summary>
    public static IEnumerable<TradeObservation> Filter(IEnumerable<TradeObservation> observations, PartnerScopeKind scope = PartnerScopeKind.ThirdCountries)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return observations.Where(o => Includes(scope, o.Reporter, o.Partner));
    }
}
