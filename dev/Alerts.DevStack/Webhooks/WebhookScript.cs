namespace Alerts.DevStack.Webhooks;

/// <summary>The queued answers of the listener: per path first, then for any path, then the default.</summary>
internal sealed class WebhookScript(WebhookResponse defaultResponse)
{
    private readonly Lock _gate = new();
    private readonly Queue<WebhookResponse> _any = new();
    private readonly Dictionary<string, Queue<WebhookResponse>> _byPath = new(StringComparer.OrdinalIgnoreCase);

    public void Enqueue(WebhookResponse response, string? path)
    {
        lock (_gate)
        {
            if (path is null)
            {
                _any.Enqueue(response);
                return;
            }

            var key = Normalize(path);
            if (!_byPath.TryGetValue(key, out var queue))
            {
                _byPath[key] = queue = new Queue<WebhookResponse>();
            }

            queue.Enqueue(response);
        }
    }

    public WebhookResponse Next(string path)
    {
        lock (_gate)
        {
            if (_byPath.TryGetValue(Normalize(path), out var queue) && queue.TryDequeue(out var scripted))
            {
                return scripted;
            }

            return _any.TryDequeue(out var next) ? next : defaultResponse;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _any.Clear();
            _byPath.Clear();
        }
    }

    private static string Normalize(string path) => "/" + path.Trim('/');
}
