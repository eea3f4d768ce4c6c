namespace Alerts.Pull.Statistics.Scope;

/// <summary>What a partner code is, seen from a reporter.</summary>
public enum PartnerClass
{
    /// <summary>A real country outside the reporter's customs union: counted in third-country indices.</summary>
    ThirdCountry,

    /// <summary>An EU member state trading with the EU (or another member state): reported separately as intra-EU.</summary>
    IntraEu,

    /// <summary>An aggregate (WORLD, EXT_EU27_2020, ...), a confidential or not-specified code (QP..QZ), or the reporter itself.</summary>
    Excluded,
}
