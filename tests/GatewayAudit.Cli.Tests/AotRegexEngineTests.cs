using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The Native AOT build removes the NonBacktracking regex engine (Aot/RegexNonBacktracking.Substitutions.xml): the
/// constructor of its runner factory, the one place Regex builds it, throws instead. A substitution that names no
/// constructor the framework has would keep the engine in the executable without a word from the AOT compiler, and
/// one that named another member could remove a path a scan uses, so the file is checked against the framework here.
/// </summary>
public sealed class AotRegexEngineTests
{
    [Fact]
    public void The_substitution_names_the_nonbacktracking_engines_constructor()
    {
        var file = XDocument.Load(RepoPaths.Combine("src", "GatewayAudit.Cli", "Aot", "RegexNonBacktracking.Substitutions.xml"));
        var library = typeof(Regex).Assembly;

        var assembly = Assert.Single(file.Root!.Elements("assembly"));
        Assert.Equal(library.GetName().Name, (string?)assembly.Attribute("fullname"));
        var type = Assert.Single(assembly.Elements("type"));
        Assert.EndsWith(".Symbolic.SymbolicRegexRunnerFactory", (string)type.Attribute("fullname")!);
        var declaring = library.GetType((string)type.Attribute("fullname")!, throwOnError: false);
        Assert.NotNull(declaring);

        var method = Assert.Single(type.Elements("method"));
        Assert.Equal("remove", (string?)method.Attribute("body"));
        var signature = (string)method.Attribute("signature")!;
        Assert.StartsWith("System.Void .ctor(", signature);
        var parameters = signature["System.Void .ctor(".Length..^1].Split(',');
        var constructor = Assert.Single(declaring.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance));
        Assert.Equal(parameters, constructor.GetParameters().Select(p => p.ParameterType.FullName));
    }

    [Fact]
    public void No_regex_in_the_tool_asks_for_the_nonbacktracking_engine()
    {
        var sources = Directory.EnumerateFiles(RepoPaths.Combine("src"), "*.cs", SearchOption.AllDirectories);
        Assert.DoesNotContain(sources, path => File.ReadAllText(path).Contains(nameof(RegexOptions.NonBacktracking), StringComparison.Ordinal));
    }
}
