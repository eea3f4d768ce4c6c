namespace Alerts.DevStack;

/// <summary>Finds the repository root (the folder holding <c>Alerts.sln</c>) from a build output or working folder.</summary>
public static class RepositoryRoot
{
    private const string Marker = "Alerts.sln";

    /// <summary>The root, or null when neither the app's folder nor the working folder lies inside the repository.</summary>
    public static string? TryFind()
    {
        return WalkUp(AppContext.BaseDirectory) ?? WalkUp(Environment.CurrentDirectory);
    }

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
