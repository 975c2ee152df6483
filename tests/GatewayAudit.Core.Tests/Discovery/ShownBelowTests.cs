using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Discovery;

/// <summary>
/// The report shows each walked file by the path <see cref="InputDiscovery.Display"/> gives; the walk now makes it from
/// the walked folder's shown path and the part below it, and passes source files over by that part cut in place.
/// Both must give exactly what the long way gave, wherever the folder is against the working folder.
/// </summary>
public sealed class ShownBelowTests
{
    public static TheoryData<string, string> Folders => new()
    {
        // working folder, folder walked (as the user named it)
        { "/work/repo", "." },
        { "/work/repo", "./" },
        { "/work/repo", "services/api" },
        { "/work/repo", "services/api/" },
        { "/work/repo/", "services" },
        { "/work/repo", "/work/repo" },
        { "/work/repo", "/work/repo/" },
        { "/work/repo", "/work" },
        { "/work/repo", "/" },
        { "/work/repo", "/elsewhere/checkout" },
        { "/work/repo", "../sibling" },
        { "/work/repo", "..dotted/x" },
        { "/", "tmp/x" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void Shows_a_walked_file_as_the_display_of_its_full_path(string workingFolder, string named)
    {
        var discovery = new InputDiscovery([], workingFolder);
        var folder = Path.GetFullPath(named, workingFolder);
        var below = new ShownBelow(folder, discovery.Display(folder), discovery.Display);
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + "/";
        foreach (var tail in new[] { "config.yaml", "a/b/values.yaml", ".hidden/x.py", "repo/x", "back\\slash.yaml", "..2026_11_25/config.yaml" })
        {
            var path = prefix + tail;
            Assert.Equal(discovery.Display(path), below.Of(path));
        }
    }

    [Fact]
    public void A_path_not_below_the_folder_is_shown_the_long_way()
    {
        var discovery = new InputDiscovery([], "/work");
        var below = new ShownBelow("/work/repo", discovery.Display("/work/repo"), discovery.Display);

        Assert.Equal("repository/x.yaml", below.Of("/work/repository/x.yaml"));
        Assert.Equal("repo/ignored/", below.Of("/work/repo/ignored/"));
        Assert.False(ShownBelow.TryTail("/work/repo", "/work/repository/x.yaml", out _));
        Assert.False(ShownBelow.TryTail("/work/repo", "/work/repo", out _));
    }

    [Theory]
    [InlineData("src/app.py")]
    [InlineData("vendor/lib/x.go")]
    [InlineData("pkg/Vendor/x.go")]
    [InlineData("services/tests/test_api.py")]
    [InlineData("api/__mocks__/client.ts")]
    [InlineData("api/test_client.py")]
    [InlineData("api/conftest.py")]
    [InlineData("api/client.spec.ts")]
    [InlineData("proto/api_pb2.py")]
    [InlineData("types/index.d.ts")]
    [InlineData("web/app.min.js")]
    [InlineData("a\\test\\x.py")]
    [InlineData("/leading/x.py")]
    [InlineData("client.py")]
    public void Passes_source_over_by_its_path_cut_in_place_as_by_the_path_split(string relative)
    {
        Assert.Equal(SplitByPath(relative), SourceFilePolicy.ByPath(relative));
        Assert.Equal(SplitByPath(relative), SourceFilePolicy.ByPath(("x/" + relative).AsSpan(2)));
    }

    // The rule as it was written before the walk cut paths in place: split into strings, folders then name.
    private static string? SplitByPath(string relativePath)
    {
        var vendored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "vendor", "vendors", "third_party", "third-party", "thirdparty", "dist", "build", ".next", ".nuxt", "bower_components", "site-packages", "__generated__", "generated" };
        var tests = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "test", "tests", "__tests__", "spec", "specs", "testdata", "testing", "fixtures", "__mocks__", "mocks", "e2e" };
        var parts = relativePath.Replace('\\', '/').Split('/');
        foreach (var folder in parts[..^1])
        {
            if (vendored.Contains(folder))
            {
                return $"vendored or build output (in {folder}/): not the project's own code";
            }

            if (tests.Contains(folder))
            {
                return $"test code (in {folder}/): test doubles and fixtures are not production calls";
            }
        }

        var name = parts[^1];
        return name.StartsWith("test_", StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal) || name == "conftest.py" || name.EndsWith(".spec.ts", StringComparison.Ordinal)
            ? "test code (by its name): test doubles and fixtures are not production calls"
            : name.EndsWith("_pb2.py", StringComparison.Ordinal) ? "generated code (by its name)"
            : name.EndsWith(".d.ts", StringComparison.Ordinal) ? "type declarations: no calls"
            : name.EndsWith(".min.js", StringComparison.Ordinal) ? "minified or bundled code (by its name)"
            : null;
    }
}
