
namespace Alerts.Pull.Catalog;

/// <summary>The commodity catalog the app runs with: the shipped one, with the operator file of <see cref="CatalogOptions.Path"/> applied.</summary>
public static class CatalogLoader
{
    /// <exception cref="CatalogFormatException">The file is missing, unreadable or malformed; the message names the file and the JSON path.</exception>
    public static CommodityCatalog Load(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return CommodityCatalog.Default;
        }

        var file = Path.GetFullPath(options.Path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogFormatException($"{file} (setting {CatalogOptions.SectionName}:Path): cannot be read: {e.Message}", e);
        }

        using (stream)
        {
            return CommodityCatalog.Default.WithOverrides(stream, file);
        }
    }
}
