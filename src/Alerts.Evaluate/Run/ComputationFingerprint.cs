using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Compute.Series;
using Alerts.Evaluate.Rules;
using Alerts.Pull;
using Alerts.Pull.Sources;

namespace Alerts.Evaluate.Run;

/// <summary>
/// What a series' results depend on besides its data: the active rules and the operator's supply-risk files. Kept
/// in the pull state, so a run after a settings change re-evaluates series whose data did not change.
/// </summary>
public static class ComputationFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Of(IReadOnlyList<Rule> rules, string supplyInputs)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = JsonSerializer.Serialize(rules, Options) + "\n" + supplyInputs;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
