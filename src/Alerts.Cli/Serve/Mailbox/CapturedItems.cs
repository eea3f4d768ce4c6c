using System.Text.Json;
using MimeKit;

namespace Alerts.Cli.Serve.Mailbox;

/// <summary>The capture folder's mails and cards, read when asked (the folder is the only state).</summary>
internal sealed class CapturedItems(string directory)
{
    public IReadOnlyList<CapturedItem> List() =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(IsCapture)
                .OrderByDescending(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal) // names start with the receive time
                .Select(Read)
                .OfType<CapturedItem>()
                .ToList()
            : [];

    /// <summary>A file of the folder by its bare name; null for anything else (no paths, no other extensions).</summary>
    public CapturedItem? Find(string name)
    {
        if (name.Length == 0 || name != System.IO.Path.GetFileName(name) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var path = System.IO.Path.Combine(directory, name);
        return IsCapture(path) && File.Exists(path) ? Read(path) : null;
    }

    private static bool IsCapture(string path) =>
        path.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static CapturedItem? Read(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        try
        {
            if (path.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
            {
                using var message = MimeMessage.Load(path);
                return new CapturedMail(name, message.Date, message.From.ToString(), message.To.ToString(), message.Subject ?? "", message.HtmlBody, message.TextBody);
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var body = root.TryGetProperty("body", out var b) ? b : root;
            var received = root.TryGetProperty("receivedAt", out var r) && r.TryGetDateTimeOffset(out var at) ? at : File.GetLastWriteTimeUtc(path);
            var target = root.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "";
            return new CapturedCard(name, received, target, CardText.Of(body), JsonSerializer.Serialize(body, Indented));
        }
        catch (Exception e) when (e is IOException or FormatException or JsonException or UnauthorizedAccessException)
        {
            return null; // a file being written or not ours: leave it out
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}

internal abstract record CapturedItem(string Name, DateTimeOffset Received);

internal sealed record CapturedMail(string Name, DateTimeOffset Received, string From, string To, string Subject, string? Html, string? Text) : CapturedItem(Name, Received);

/// <summary>A webhook post: its path (which workflow), the card's text blocks and facts in order, and the whole body.</summary>
internal sealed record CapturedCard(string Name, DateTimeOffset Received, string Path, IReadOnlyList<string> Lines, string Json) : CapturedItem(Name, Received);
