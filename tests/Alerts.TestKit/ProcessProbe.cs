using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alerts.TestKit;

/// <summary>Checks from the outside whether a process or a loopback port is still alive.</summary>
public static class ProcessProbe
{
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Ids of running processes whose command line mentions <paramref name="fragment"/> (Linux /proc).</summary>
    public static IReadOnlyList<int> WithCommandLine(string fragment)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(fragment, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }

    /// <summary>Ids of running child processes of this process whose command line mentions <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<int> ChildrenWithCommandLine(string fragment)
    {
        var self = Environment.ProcessId;
        return WithCommandLine(fragment).Where(pid => ParentOf(pid) == self).ToArray();
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
