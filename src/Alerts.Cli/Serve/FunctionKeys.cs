using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Alerts.Cli.Serve;

/// <summary>
/// Function keys as the Functions host checks them: a key in header <c>x-functions-key</c> or query <c>code</c>;
/// <c>function</c> level accepts the function key or the master key, <c>admin</c> and <c>system</c> only the master
/// key, <c>anonymous</c> needs none. Both keys are random per start; only the function key is handed out.
/// </summary>
public sealed class FunctionKeys
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[] _functionKey;
    private readonly byte[] _masterKey;

    public FunctionKeys(string? functionKey = null)
    {
        FunctionKey = functionKey ?? NewKey();
        _functionKey = Encoding.UTF8.GetBytes(FunctionKey);
        _masterKey = Encoding.UTF8.GetBytes(NewKey());
    }

    /// <summary>The key callers put in <c>x-functions-key</c> (printed once by serve as <c>Api__FunctionKey</c>).</summary>
    public string FunctionKey { get; }

    public bool Allows(HttpRequest request, FunctionAuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (level == FunctionAuthorizationLevel.Anonymous)
        {
            return true;
        }

        var presented = request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query[QueryName].ToString();
        }

        if (presented.Length == 0)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        var master = CryptographicOperations.FixedTimeEquals(bytes, _masterKey);
        return level is FunctionAuthorizationLevel.Function or FunctionAuthorizationLevel.User
            ? master || CryptographicOperations.FixedTimeEquals(bytes, _functionKey)
            : master;
    }

    // 32 random bytes, URL-safe (usable in ?code= without escaping), like the host's generated keys.
    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
