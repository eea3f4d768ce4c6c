namespace Alerts.Benchmarks.Concentration;

/// <summary>Resident memory of this process from /proc (Linux): current, peak, and a peak reset.</summary>
internal static class ProcessMemory
{
    public static long CurrentBytes => Read("VmRSS:");

    public static long PeakBytes => Read("VmHWM:");

    /// <summary>Resets the peak to the current RSS (writing 5 to clear_refs); false where not allowed.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string key)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return -1;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var kb = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }
}
