using Mono.Cecil;

namespace Alerts.Architecture.Tests;

/// <summary>
/// Which types are pure logic: computed from their inputs, no storage, network, files or hosting. The stores, services,
/// loaders and registrations beside them in the same step are left out by name.
/// </summary>
public static class PureLogic
{
    /// <summary>(assembly, which of its top-level types are pure).</summary>
    public static IReadOnlyList<(string Assembly, string Part, Func<TypeDefinition, bool> Selects)> Parts { get; } =
    [
        // SdmxCsvEngineLoader is a file reader (opens a path, reads a Stream) that fills the engine directly for
        // `alerts indices`; it sits in Engine/ for access to the engine's internals but is I/O, not pure logic.
        ("Alerts.Compute", "index engine", t => t.Namespace == "Alerts.Compute.Engine" && t.Name != "SdmxCsvEngineLoader"),
        ("Alerts.Compute", "supply-risk calculators", t => t.Namespace == "Alerts.Compute.SupplyRisk" && t.Name.EndsWith("Calculator", StringComparison.Ordinal)),
        ("Alerts.Compute", "mirror check", t => t.Namespace == "Alerts.Compute.Mirror"),
        ("Alerts.Compute", "stockpiling calculators", t => t.Namespace == "Alerts.Compute.Stockpiling" && (t.Name.EndsWith("Calculator", StringComparison.Ordinal) || t.Name == "StageBenchmark")),
        ("Alerts.Evaluate", "rules", t => t.Namespace == "Alerts.Evaluate.Rules"),
        ("Alerts.Evaluate", "alert lifecycle and its model", t => t.Namespace == "Alerts.Evaluate.Lifecycle" && t.Name != "AlertStore"),
        ("Alerts.Evaluate", "inhibition", t => t.Namespace == "Alerts.Evaluate.Inhibition"),
        ("Alerts.Route", "router and notification policy", t => t.Namespace == "Alerts.Route.Routing" && t.Name != "RouteService"),
        ("Alerts.Route", "group timers and digests", t => t.Namespace is "Alerts.Route.Grouping" or "Alerts.Route.Digests" && t.Name is not ("GroupHold" or "HeldGroupStore" or "DigestService")),
        ("Alerts.Route", "subscription matcher and validator", t => t.Namespace == "Alerts.Route.Subscriptions" && t.Name is "SubscriptionMatcher" or "SubscriptionIndex" or "SubscriptionRequestValidator"),
        ("Alerts.Deliver", "renderers", t => t.Namespace == "Alerts.Deliver.Rendering" || t.FullName is "Alerts.Deliver.Email.EmailRenderer" or "Alerts.Deliver.Teams.TeamsCardRenderer"),
    ];

    /// <summary>Namespaces pure logic must not use (a namespace and everything under it).</summary>
    public static IReadOnlyList<string> Forbidden { get; } =
        ["Azure", "System.IO", "System.Net", "Microsoft.Extensions.Hosting", "Microsoft.AspNetCore"];

    /// <summary>
    /// Types of a forbidden namespace that pure logic may still use, with why. <see cref="System.Net.WebUtility"/>
    /// only encodes strings (the renderers escape HTML and URLs with it); no socket, no request.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Allowed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Net.WebUtility"] = "string encoding only",
    };

    public static AssemblyDefinition Load(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        return AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = resolver });
    }

    public static bool IsForbidden(string fullName, string ns) =>
        !Allowed.ContainsKey(fullName) && Forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal));
}
