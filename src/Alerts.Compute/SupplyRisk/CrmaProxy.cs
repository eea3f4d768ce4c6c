namespace Alerts.Compute.SupplyRisk;

/// <summary>Which CRMA share proxies a row carries.</summary>
public enum CrmaProxy
{
    /// <summary>Only imports from c / all extra-EU imports: production unknown, value basis, or consumption not positive.</summary>
    ImportShareOnly,

    /// <summary>Also imports from c / apparent consumption (production + imports - exports).</summary>
    ImportAndConsumptionShare,
}

/// <summary>The proxy's name as the CLI output and the HTTP API write it.</summary>
public static class CrmaProxyNames
{
    /// <summary><c>import-share-only</c> or <c>import-and-consumption-share</c>.</summary>
    public static string ToName(this CrmaProxy proxy) =>
        proxy == CrmaProxy.ImportAndConsumptionShare ? "import-and-consumption-share" : "import-share-only";
}
