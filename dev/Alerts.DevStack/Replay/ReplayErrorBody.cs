using System.Text.Json;

namespace Alerts.DevStack.Replay;

/// <summary>Error bodies shaped like the Eurostat statistics API's: <c>{"error":[{"status":..,"id":..,"label":".."}]}</c>.</summary>
internal static class ReplayErrorBody
{
    public static string Create(int status, int id, string label) =>
        JsonSerializer.Serialize(new { error = new[] { new { status, id, label } } });
}
