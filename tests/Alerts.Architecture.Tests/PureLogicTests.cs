namespace Alerts.Architecture.Tests;

/// <summary>The pure logic of each step stays free of Azure SDK, file, network and hosting types, in signatures and in IL.</summary>
public sealed class PureLogicTests
{
    public static TheoryData<string> Parts => new(PureLogic.Parts.Select(p => p.Part));

    [Theory]
    [MemberData(nameof(Parts))]
    public void PureLogic_UsesNoForbiddenType(string part)
    {
        var (assemblyName, _, selects) = PureLogic.Parts.Single(p => p.Part == part);
        using var assembly = PureLogic.Load(assemblyName);
        var types = assembly.MainModule.Types.Where(selects).ToList();
        Assert.NotEmpty(types); // a renamed namespace must not make this pass vacuously

        var violations = types
            .SelectMany(owner => TypeReferences.Of(owner).Select(use => (Owner: owner, use.Where, Reference: use.Type)))
            .SelectMany(u => TypeReferences.Unwrap(u.Reference).Select(used => (u.Owner, u.Where, Used: used)))
            .Where(u => PureLogic.IsForbidden(u.Used.FullName, TypeReferences.NamespaceOf(u.Used)))
            .Select(u => $"{u.Owner.FullName}: {u.Where} uses {u.Used.FullName}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, $"{part} uses forbidden types:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Forbidden_TypeInASignatureOrBody_IsFound()
    {
        // The checker itself: this test assembly's own probe uses a FileStream in a body and an HttpClient field.
        using var assembly = PureLogic.Load("Alerts.Architecture.Tests");
        var probe = assembly.MainModule.Types.Single(t => t.Name == nameof(ForbiddenProbe));

        var found = TypeReferences.Of(probe)
            .SelectMany(u => TypeReferences.Unwrap(u.Type))
            .Where(r => PureLogic.IsForbidden(r.FullName, TypeReferences.NamespaceOf(r)))
            .Select(r => r.FullName)
            .ToHashSet();

        Assert.Contains("System.Net.Http.HttpClient", found);
        Assert.Contains("System.IO.File", found);
        Assert.DoesNotContain("System.Net.WebUtility", found);
    }
}
