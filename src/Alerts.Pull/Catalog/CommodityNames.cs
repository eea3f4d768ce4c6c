namespace Alerts.Pull.Catalog;

/// <summary>Readable names and parsing of commodity series products (<c>{id}/{stage}</c>).</summary>
public static class CommodityNames
{
    /// <summary>E.g. <c>Graphite (battery grade) (ore)</c>.</summary>
    public static string For(Commodity commodity, ProcessingStage stage)
    {
        ArgumentNullException.ThrowIfNull(commodity);
        return $"{commodity.Name} ({StageName(stage)})";
    }

    /// <summary><c>ore</c>, <c>intermediate</c>, <c>metal</c> or <c>downstream</c>.</summary>
    public static string StageName(ProcessingStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>Splits <c>rare-earths/metal</c> into id and stage; false for a product code or a malformed name.</summary>
    public static bool TryParseSeries(string? product, out string id, out ProcessingStage stage)
    {
        id = string.Empty;
        stage = default;
        var slash = product?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || slash == product!.Length - 1)
        {
            return false;
        }

        var stageText = product[(slash + 1)..];
        if (!stageText.All(char.IsAsciiLetter) || !Enum.TryParse(stageText, ignoreCase: true, out stage))
        {
            return false;
        }

        id = product[..slash];
        return true;
    }
}
