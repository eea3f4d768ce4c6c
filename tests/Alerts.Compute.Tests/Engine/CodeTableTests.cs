using Alerts.Compute.Engine;

namespace Alerts.Compute.Tests.Engine;

public sealed class CodeTableTests
{
    [Fact]
    public void Intern_StringAndSpan_SameDenseIds()
    {
        var t = new CodeTable();

        Assert.Equal(0, t.Intern("CN"));
        Assert.Equal(1, t.Intern("RU".AsSpan()));
        Assert.Equal(0, t.Intern("CN".AsSpan()));
        Assert.Equal(1, t.Intern("RU"));
        Assert.Equal(2, t.Count);
        Assert.Equal("RU", t[1]);
        Assert.Equal(-1, t.Find("MY"));
    }

    [Fact]
    public void Intern_ManyCodes_GrowsBeyondInitialCapacity()
    {
        var t = new CodeTable();
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i, t.Intern($"C{i}"));
        }

        Assert.Equal("C999", t[999]);
        Assert.Throws<ArgumentOutOfRangeException>(() => t[1000]);
    }
}
