namespace Alerts.Core.SupplyRisk;

/// <summary>Which CRMA share proxies a row carries.</summary>
public enum CrmaProxy
{
    /// <summary>Only imports from c / all extra-EU imports: production unknown, value basis, or consumption not positive.</summary>
    ImportShareOnly,

    /// <summary>Also imports from c / apparent consumption (production + imports - exports).</summary>
    ImportAndConsumptionShare,
}
