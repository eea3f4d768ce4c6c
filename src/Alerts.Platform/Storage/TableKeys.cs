using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Platform.Storage;

/// <summary>
/// Builds PartitionKey/RowKey values. Table keys may not contain '/', '\', '#', '?' or control characters;
/// those (and '%', and the '|' that joins parts) are percent-encoded so any code or owner id round-trips.
/// </summary>
public static class TableKeys
{
    /// <summary>Keys are limited to 1 KiB; longer ones are replaced by a hash.</summary>
    private const int MaxKeyLength = 512;

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? sb = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var bad = c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c);
            if (bad && sb is null)
            {
                sb = new StringBuilder(value.Length + 8).Append(value, 0, i);
            }

            if (bad)
            {
                sb!.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? value;
    }

    /// <summary>Escaped parts joined by '|'; hashed when too long for a key.</summary>
    public static string Join(params string[] parts)
    {
        var key = string.Join('|', parts.Select(Escape));
        return key.Length <= MaxKeyLength ? key : "h_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
