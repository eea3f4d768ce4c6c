using System.Text;

using Xunit;

namespace Alerts.TestKit.Samples;

/// <summary>Payload helpers for reader tests.</summary>
public static class TestStreams
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>JSON with single quotes for readability in test sources.</summary>
    public static MemoryStream Json(string singleQuoted) => Utf8(singleQuoted.Replace('\'', '"'));
}
