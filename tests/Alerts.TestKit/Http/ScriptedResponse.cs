namespace Alerts.TestKit.Http;

/// <summary>What the scripted server answers: status, body, headers, and an optional delay before answering.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before sending (to provoke client timeouts).</summary>
    public TimeSpan Delay { get; init; }

    public static ScriptedResponse Ok(string body, string contentType = "application/json") => new(200, body, contentType);

    public static ScriptedResponse File(string path, string contentType = "application/json") => new(200, System.IO.File.ReadAllText(path), contentType);
}
