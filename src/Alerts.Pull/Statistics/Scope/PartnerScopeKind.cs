namespace Alerts.Pull.Statistics.Scope;

/// <summary>Which partners an index is computed over.</summary>
public enum PartnerScopeKind
{
    /// <summary>Default: non-EU countries only (the CRMA 65% test is about third countries).</summary>
    ThirdCountries,

    /// <summary>EU member states only (intra-EU trade, reported separately).</summary>
    IntraEu,

    /// <summary>Every real country, EU or not.</summary>
    AllCountries,
}
