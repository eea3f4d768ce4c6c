namespace Alerts.Cli.Commands;

/// <summary>Parses <c>--name value</c> options; unknown options and missing values are usage errors.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    public static CommandArguments Parse(string[] args, IReadOnlyCollection<string> known)
    {
        var parsed = new CommandArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
            {
                throw new CommandUsageException($"unknown option '{name}' (expected {string.Join(", ", known.Select(k => "--" + k))})");
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandUsageException($"option '{name}' needs a value");
            }

            parsed._values[name[2..]] = args[++i];
        }

        return parsed;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Get(name) ?? throw new CommandUsageException($"option --{name} is required");

    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return choices.TryGetValue(text, out var value)
            ? value
            : throw new CommandUsageException($"--{name} must be one of {string.Join("|", choices.Keys)}, not '{text}'");
    }
}

/// <summary>Bad command-line usage (exit code 2).</summary>
internal sealed class CommandUsageException(string message) : Exception(message);
