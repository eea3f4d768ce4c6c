using System.Text;

namespace Alerts.Cli.Commands;

/// <summary>
/// Where <c>alerts indices</c> writes: standard output, or <c>--output FILE</c> atomically (a temporary file beside it,
/// renamed over it once complete; removed on failure, so a failed run leaves no file and no half file).
/// </summary>
internal static class IndicesOutputFile
{
    /// <summary>Runs <paramref name="write"/> on the destination; returns the exit code.</summary>
    public static int Write(string? path, TextWriter stdout, TextWriter stderr, Action<TextWriter> write)
    {
        if (path is null)
        {
            if (ReferenceEquals(stdout, Console.Out))
            {
                // Console.Out flushes on every write; a buffered writer over the same handle does not.
                using var stream = Console.OpenStandardOutput();
                using var buffered = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
                write(buffered);
                return 0;
            }

            write(stdout);
            stdout.Flush();
            return 0;
        }

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"alerts indices: cannot write {path}: {e.Message}");
            return 1;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
