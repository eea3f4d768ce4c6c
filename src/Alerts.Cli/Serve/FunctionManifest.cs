using System.Text.Json;

namespace Alerts.Cli.Serve;

/// <summary>
/// The functions of the built Functions app as the Functions host sees them: read from the <c>functions.metadata</c>
/// file that the Functions SDK writes next to the app's assembly (name, entry point, trigger). <c>serve</c> maps
/// exactly these, so its routes, methods, authorization levels and schedules cannot drift from the deployed app.
/// </summary>
public sealed class FunctionManifest
{
    public const string FileName = "functions.metadata";

    private FunctionManifest(IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers, string routePrefix)
    {
        Http = http;
        Timers = timers;
        RoutePrefix = routePrefix;
    }

    /// <summary>The HTTP route prefix of <c>host.json</c> (<c>extensions.http.routePrefix</c>, default <c>api</c>).</summary>
    public string RoutePrefix { get; }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    /// <summary>The manifest beside this program (the CLI's build copies the Functions app's file there).</summary>
    public static FunctionManifest LoadDefault() =>
        Load(Path.Combine(AppContext.BaseDirectory, FileName), Path.Combine(AppContext.BaseDirectory, "host.json"));

    public static FunctionManifest Load(string path, string? hostJsonPath = null)
    {
        if (!File.Exists(path))
        {
            throw new FunctionManifestException($"{path} is missing: build src/Alerts.Functions (the Functions SDK writes it) before serving.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            switch (trigger.GetProperty("type").GetString())
            {
                case "httpTrigger":
                    http.Add(new HttpFunction(
                        name,
                        entryPoint,
                        trigger.TryGetProperty("route", out var route) ? route.GetString() ?? name : name,
                        trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [],
                        Enum.Parse<FunctionAuthorizationLevel>(trigger.TryGetProperty("authLevel", out var level) ? level.GetString()! : "Function", ignoreCase: true)));
                    break;
                case "timerTrigger":
                    timers.Add(new TimerFunction(name, entryPoint, trigger.GetProperty("schedule").GetString()!));
                    break;
                default:
                    throw new FunctionManifestException($"{path}: function '{name}' has a {trigger.GetProperty("type").GetString()} trigger, which serve does not host.");
            }
        }

        return new FunctionManifest(http, timers, ReadRoutePrefix(hostJsonPath));
    }

    private static string ReadRoutePrefix(string? hostJsonPath)
    {
        if (hostJsonPath is null || !File.Exists(hostJsonPath))
        {
            return "api";
        }

        using var host = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return host.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) && prefix.GetString() is { } value
            ? value.Trim('/')
            : "api";
    }
}

/// <summary>An HTTP-triggered function: route under the route prefix, methods (upper case; empty = any) and key level.</summary>
public sealed record HttpFunction(string Name, string EntryPoint, string Route, IReadOnlyList<string> Methods, FunctionAuthorizationLevel AuthorizationLevel);

/// <summary>A timer-triggered function and its schedule as written (<c>%Schedules:Pull%</c> or an expression).</summary>
public sealed record TimerFunction(string Name, string EntryPoint, string Schedule);

/// <summary>The Functions host's authorization levels (<c>authLevel</c> in <c>functions.metadata</c>).</summary>
public enum FunctionAuthorizationLevel
{
    Anonymous,
    User,
    Function,
    System,
    Admin,
}

/// <summary>The manifest is missing or describes something serve cannot host.</summary>
public sealed class FunctionManifestException(string message) : Exception(message);
