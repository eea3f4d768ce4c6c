using System.Reflection;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

/// <summary>For an unknown option, the command's closest known option (<c>--fromat</c>: did you mean <c>--format</c>?).</summary>
internal static class OptionSuggestions
{
    private static readonly Dictionary<string, Type> Settings = new(StringComparer.Ordinal)
    {
        ["serve"] = typeof(ServeVerb.Settings),
        ["demo"] = typeof(DemoVerb.Settings),
        ["devstack"] = typeof(DevStackVerb.Settings),
        ["indices"] = typeof(IndicesVerb.Settings),
        ["pull"] = typeof(PullVerb.Settings),
        ["deadletters"] = typeof(DeadLettersSettings),
    };

    public static bool IsCommand(string name) => Settings.ContainsKey(name);

    /// <summary>
    /// The first option of <paramref name="args"/> that takes a value but has none ("--capture-dir" last, or before
    /// another option). Checked before parsing: with standard input redirected the parser would take the value from there.
    /// </summary>
    public static string? MissingValue(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Settings.TryGetValue(args[0], out var type))
        {
            return null;
        }

        var valued = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .Where(a => a.ValueName is not null && !a.ValueIsOptional)
            .SelectMany(a => a.LongNames.Select(n => "--" + n).Concat(a.ShortNames.Select(n => "-" + n)))
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (valued.Contains(args[i]) && (i + 1 == args.Count || args[i + 1].StartsWith('-')))
            {
                return args[i];
            }
        }

        return null;
    }

    /// <summary>" (did you mean --x?)", or empty when the error is not an unknown option or nothing is close.</summary>
    public static string For(string? command, IReadOnlyList<string> args, string error)
    {
        if (command is null || !Settings.TryGetValue(command, out var type) || !error.StartsWith("Unknown option", StringComparison.Ordinal))
        {
            return "";
        }

        var known = Options(type).ToList();
        var unknown = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => a[2..].Split('=')[0])
            .FirstOrDefault(a => !known.Contains(a, StringComparer.Ordinal));
        if (unknown is null)
        {
            return "";
        }

        var best = known.Select(k => (Name: k, Distance: Distance(unknown, k))).OrderBy(k => k.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, unknown.Length / 3)
            ? $" (did you mean --{best.Name}?)"
            : $" (options: {string.Join(", ", known.Select(k => "--" + k))})";
    }

    /// <summary>The long names of a settings type's options.</summary>
    public static IEnumerable<string> Options(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames);

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1); // a swap of two letters is one typo
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
