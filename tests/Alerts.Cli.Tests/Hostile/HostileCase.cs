namespace Alerts.Cli.Tests.Hostile;

/// <summary>
/// One hostile request: what it tries (<see cref="Name"/>) and how to build it against a served host. A link page a
/// person opens in a browser (<see cref="HtmlAllowed"/>) may answer with an HTML page instead of problem JSON; a
/// request the web server itself refuses before any of the app runs (<see cref="ServerRefuses"/>: a NUL in the path,
/// a request line over its 8 KiB limit) gets the server's bare 4xx, as it would from App Service's front end.
/// </summary>
internal sealed record HostileCase(string Name, Func<HostileTarget, HttpRequestMessage> Build, bool HtmlAllowed = false, bool ServerRefuses = false)
{
    public override string ToString() => Name;
}
