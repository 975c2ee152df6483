using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using GatewayAudit.Tests.Shared;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// The analyzer as a user gets it: `dotnet pack` makes a development-dependency package with the DLL under
/// analyzers/dotnet/cs, a project that restores it from a local feed gets the warnings, and the bundled
/// examples/analyzer-consumer build shows exactly the warnings its README lists. These run real `dotnet` builds
/// (tens of seconds), in one class so that they never build at the same time. They carry the Packaging trait: the
/// inner loop skips them with <c>--filter "Category!=Packaging"</c>; CI (.ci/run) runs everything.
/// </summary>
[Trait("Category", Category)]
public partial class PackagingTests
{
    public const string Category = "Packaging";

    /// <summary>The configuration the test assembly (and so the analyzer beside it) was built in.</summary>
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [Fact]
    public void Pack_makes_an_analyzer_package_that_a_project_restores_and_gets_warnings_from()
    {
        using var temp = new TempDir();
        var feed = Path.Combine(temp.Path, "feed");
        var analyzerProject = RepoPaths.Combine("analyzers", "GatewayAudit.Analyzers", "GatewayAudit.Analyzers.csproj");
        var pack = Dotnet(RepoPaths.Root, "pack", analyzerProject, "-c", Configuration, "--no-build", "-o", feed, "-p:NuGetAudit=false");
        Assert.True(pack.ExitCode == 0, pack.Output);

        var package = Assert.Single(Directory.GetFiles(feed, "GatewayAudit.Analyzers.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/GatewayAudit.Analyzers.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspecEntry.Open());
            var nuspec = reader.ReadToEnd();
            Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);

            // Metadata a package page shows, and help links that resolve to the docs shipped with the package.
            var projectUrl = Regex.Match(nuspec, "<projectUrl>([^<]+)</projectUrl>").Groups[1].Value;
            Assert.Equal("https://github.com/gateway-audit/gateway-audit", projectUrl);
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.Contains("README.md", entries);
            Assert.Contains("GW000 (info, once per project)", Regex.Match(nuspec, "<releaseNotes>([^<]+)</releaseNotes>").Groups[1].Value, StringComparison.Ordinal);
            foreach (var descriptor in new GatewayLeakAnalyzer().SupportedDiagnostics)
            {
                Assert.Equal($"{projectUrl}/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
                Assert.Contains($"docs/rules/{descriptor.Id}.md", entries);
            }

            // The build property the test-project scope needs reaches the compiler through the package's props.
            foreach (var props in new[] { "build/GatewayAudit.Analyzers.props", "buildTransitive/GatewayAudit.Analyzers.props" })
            {
                using var propsReader = new StreamReader(zip.GetEntry(props)!.Open());
                Assert.Contains("<CompilerVisibleProperty Include=\"IsTestProject\" />", propsReader.ReadToEnd(), StringComparison.Ordinal);
            }
        }

        // A consumer outside the repository (no Directory.Build.props), restoring only from the local feed into
        // its own packages folder, so a stale copy in the machine's cache can never stand in for this build.
        var consumer = Path.Combine(temp.Path, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GatewayAudit.Analyzers" Version="0.1.0" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n\n[*.cs]\ngateway_audit.adapter_types = Consumer.Adapter\n");
        File.WriteAllText(Path.Combine(consumer, "Code.cs"), """
            namespace Consumer;
            public static class Adapter { public const string Model = "anthropic/claude-sonnet-4.6"; }
            public static class Agent
            {
                public static string Header() => "HTTP-Referer";
                public static string Model() => "openai/gpt-4o:free";
                public static string Url() => "https://openrouter.ai/api/v1";
                public static object Body() => new { model = "x", messages = new object[0], route = "fallback" };
            }
            """);
        var build = Dotnet(consumer, "build", "--source", feed, "--packages", Path.Combine(temp.Path, "packages"), "-p:UseSharedCompilation=false", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(["Code.cs:5 GW001", "Code.cs:6 GW002", "Code.cs:7 GW003", "Code.cs:8 GW004"], Warnings(build.Output));

        // The same project as a test project (what Microsoft.NET.Test.Sdk's props set): left out by default.
        var asTests = Dotnet(consumer, "build", "--no-incremental", "--source", feed, "--packages", Path.Combine(temp.Path, "packages"), "-p:IsTestProject=true", "-p:UseSharedCompilation=false", "-nodeReuse:false");
        Assert.True(asTests.ExitCode == 0, asTests.Output);
        Assert.Empty(Warnings(asTests.Output));
    }

    [Fact]
    public void Bundled_consumer_example_shows_the_warnings_its_readme_lists()
    {
        var project = RepoPaths.Combine("examples", "analyzer-consumer", "AnalyzerConsumer.csproj");
        // The analyzer is already built by the solution build; building it again here could race other tests. An
        // up-to-date example prints no warnings, so the example itself is always recompiled.
        var build = Dotnet(RepoPaths.Root, "build", project, "--no-incremental", "-c", Configuration, "-p:BuildProjectReferences=false", "-p:UseSharedCompilation=false", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Output);
        var readme = File.ReadAllText(RepoPaths.Combine("examples", "analyzer-consumer", "README.md"));
        var listed = ReadmeRow().Matches(readme).Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value} {m.Groups[3].Value}").ToList();
        Assert.NotEmpty(listed);
        Assert.Equal(listed, Warnings(build.Output));
    }

    /// <summary>"File.cs:line GW00N" for each distinct GW warning, in file and line order.</summary>
    private static List<string> Warnings(string output) =>
        BuildWarning().Matches(output)
            .Select(m => (File: Path.GetFileName(m.Groups[1].Value), Line: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Id: m.Groups[4].Value, Column: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct()
            .OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line).ThenBy(w => w.Column)
            .Select(w => $"{w.File}:{w.Line} {w.Id}")
            .ToList();

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    [GeneratedRegex(@"([^\s(]+\.cs)\((\d+),(\d+)\): warning (GW00\d)")]
    private static partial Regex BuildWarning();

    [GeneratedRegex(@"^\| (\S+\.cs):(\d+) \| (GW00\d) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
