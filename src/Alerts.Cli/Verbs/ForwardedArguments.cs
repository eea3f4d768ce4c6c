namespace Alerts.Cli.Verbs;

/// <summary>
/// Rebuilds the <c>--name value</c> list a command's <c>RunAsync(string[] ...)</c> takes from the options Spectre
/// parsed, so the commands keep one entry point (the one their tests call) and Spectre adds help and suggestions.
/// </summary>
internal sealed class ForwardedArguments
{
    private readonly List<string> _args = [];

    public ForwardedArguments Add(string name, string? value)
    {
        if (value is not null)
        {
            _args.Add("--" + name);
            _args.Add(value);
        }

        return this;
    }

    public ForwardedArguments Flag(string name, bool set)
    {
        if (set)
        {
            _args.Add("--" + name);
        }

        return this;
    }

    public string[] ToArray() => [.. _args];
}
