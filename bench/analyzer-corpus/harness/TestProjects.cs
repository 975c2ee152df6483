using System.Text.RegularExpressions;

namespace GatewayAudit.AnalyzerCorpus;

/// <summary>
/// Whether a compilation unit is a test project, the way MSBuild would tell the analyzer: its csproj sets
/// IsTestProject, or references Microsoft.NET.Test.Sdk (whose props set IsTestProject) or a test framework package.
/// Only meaningful with <c>--group csproj</c>; a unit without a csproj is not a test project.
/// </summary>
public static partial class TestProjects
{
    public static bool IsTestProject(CorpusUnit unit)
    {
        var folder = Path.Combine(unit.Root, unit.Name);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        foreach (var project in Directory.EnumerateFiles(folder, "*.csproj"))
        {
            var text = File.ReadAllText(project);
            if (Marker().IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"<IsTestProject>\s*true|Include=""(Microsoft\.NET\.Test\.Sdk|xunit(\.v3)?|NUnit|MSTest(\.TestFramework)?|TUnit)""", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
