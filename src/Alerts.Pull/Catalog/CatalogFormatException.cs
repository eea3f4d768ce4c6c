namespace Alerts.Pull.Catalog;

/// <summary>A commodity catalog file is malformed; the message names the file, the JSON path and the problem.</summary>
public sealed class CatalogFormatException : Exception
{
    public CatalogFormatException(string message)
        : base(message)
    {
    }

    public CatalogFormatException()
    {
    }

    public CatalogFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
