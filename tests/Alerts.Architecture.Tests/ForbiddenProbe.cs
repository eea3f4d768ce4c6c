namespace Alerts.Architecture.Tests;

/// <summary>Uses forbidden types on purpose, so the checker is shown to find them (in a field and in a lambda's body).</summary>
internal sealed class ForbiddenProbe
{
#pragma warning disable CS0169, CS0649, CA1823 // never assigned or read: only its type matters
    private readonly System.Net.Http.HttpClient? _client;
#pragma warning restore CS0169, CS0649, CA1823

    public Func<string, bool> Exists { get; } = path => System.IO.File.Exists(path);

    public string Encoded { get; } = System.Net.WebUtility.HtmlEncode("<b>");
}
