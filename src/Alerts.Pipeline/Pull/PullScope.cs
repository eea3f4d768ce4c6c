namespace Alerts.Pipeline.Pull;

/// <summary>What one pull or recalculation covers: product codes (empty = every configured product).</summary>
public sealed record PullScope(IReadOnlyList<string> Products)
{
    public static PullScope All { get; } = new([]);

    public bool Includes(string product) => Products.Count == 0 || Products.Contains(product, StringComparer.OrdinalIgnoreCase);
}
