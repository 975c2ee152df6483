using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Spring;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Which module or process a file of the scan belongs to, for facts that hold only inside one: a direct provider call
/// goes around a gateway only where the same module or deployment uses that gateway (<see cref="GatewayBypass"/>), not
/// anywhere in the same repository. A file's project is the nearest enclosing folder holding a build manifest (a
/// <c>*.csproj</c>, <c>pyproject.toml</c>, <c>package.json</c>, <c>go.mod</c>, <c>pom.xml</c>, <c>build.gradle</c> ...),
/// else the folder all the scan's files share; a file that a compose service builds (<c>build: ./worker</c>) also
/// belongs to that compose file's deployment. Spring Boot property files of one folder with different profiles
/// (<c>application.yml</c>, <c>application-openrouter.yml</c>) are alternatives: one is chosen at start-up.
/// </summary>
public sealed class ProjectScope
{
    // Files that make their folder a project of its own: one build or one package, one process or library.
    private static readonly string[] ManifestNames =
        ["pyproject.toml", "setup.py", "requirements.txt", "Pipfile", "package.json", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts"];

    private static readonly string[] ManifestEndings = [".csproj", ".fsproj", ".vbproj"];

    private static readonly SpringConfigReader Spring = new();

    private readonly IReadOnlyDictionary<string, string> _fullPathOf;
    private readonly Func<string, bool> _isProject;
    private readonly string _bound;
    private readonly IReadOnlyList<DeploymentFacts> _composed;
    private readonly Dictionary<string, string> _rootOfFolder = new(StringComparer.Ordinal);

    private ProjectScope(IReadOnlyDictionary<string, string> fullPathOf, Func<string, bool> isProject, IReadOnlyList<DeploymentFacts> composed)
    {
        _fullPathOf = fullPathOf;
        _isProject = isProject;
        _composed = composed;
        _bound = CommonFolder(fullPathOf.Values);
    }

    /// <summary>Scope over files on disk: a folder is a project when it holds a manifest.</summary>
    public static ProjectScope OnDisk(IEnumerable<InputFile> files, IReadOnlyList<DeploymentFacts> composed) =>
        new(Paths(files.Select(f => (f.DisplayPath, f.FullPath))), HoldsManifest, composed);

    /// <summary>Scope over files held in memory (a rule's test case): a folder is a project when one of the files named is a manifest in it.</summary>
    public static ProjectScope InMemory(IEnumerable<(string Display, string Full)> files, IReadOnlyList<DeploymentFacts> composed)
    {
        var paths = Paths(files);
        var projects = paths.Values.Where(p => IsManifest(Path.GetFileName(p))).Select(p => Path.GetDirectoryName(p) ?? "").ToHashSet(StringComparer.Ordinal);
        return new(paths, projects.Contains, composed);
    }

    public static bool IsManifest(string fileName) =>
        ManifestNames.Contains(fileName, StringComparer.Ordinal) || ManifestEndings.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The project folder of a file of the scan (by its display path): the nearest folder above it with a manifest, else the scan's common folder.</summary>
    public string RootOf(string file)
    {
        var folder = Path.GetDirectoryName(_fullPathOf.GetValueOrDefault(file) ?? file) ?? "";
        var walked = new List<string>();
        var root = _bound;
        while (folder.Length > _bound.Length && folder.StartsWith(_bound, StringComparison.Ordinal))
        {
            if (_rootOfFolder.TryGetValue(folder, out var known))
            {
                root = known;
                break;
            }

            walked.Add(folder);
            if (_isProject(folder))
            {
                root = folder;
                break;
            }

            folder = Path.GetDirectoryName(folder) ?? "";
        }

        foreach (var seen in walked)
        {
            _rootOfFolder[seen] = root;
        }

        return root;
    }

    /// <summary>The compose file whose service builds the file's folder (<c>build: ./worker</c>), or null.</summary>
    public string? DeploymentOf(string file) => ComposeBuildEnvironment.BuiltBy(_composed, file)?.At.File;

    /// <summary>
    /// Two Spring Boot property files of one folder for different profiles (<c>application.yml</c> and
    /// <c>application-openrouter.yml</c>): which one applies is chosen where the application starts, so what they
    /// name are alternatives, never used side by side.
    /// </summary>
    public static bool AreAlternatives(string file, string other)
    {
        var (name, otherName) = (Path.GetFileName(file), Path.GetFileName(other));
        return Spring.OffersFileName(name) && Spring.OffersFileName(otherName)
            && string.Equals(Path.GetDirectoryName(file), Path.GetDirectoryName(other), StringComparison.Ordinal)
            && SpringConfigReader.ProfileOf(name) != SpringConfigReader.ProfileOf(otherName);
    }

    private static Dictionary<string, string> Paths(IEnumerable<(string Display, string Full)> files)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (display, full) in files)
        {
            paths.TryAdd(display, full);
        }

        return paths;
    }

    private static string CommonFolder(IEnumerable<string> paths)
    {
        string? common = null;
        foreach (var folder in paths.Select(p => Path.GetDirectoryName(p) ?? ""))
        {
            common = common is null ? folder : Shared(common, folder);
        }

        return common ?? "";
    }

    private static string Shared(string a, string b)
    {
        while (!(b == a || b.StartsWith(a + "/", StringComparison.Ordinal)) && a.Length > 0)
        {
            a = Path.GetDirectoryName(a) ?? "";
        }

        return a;
    }

    private static bool HoldsManifest(string folder)
    {
        try
        {
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => IsManifest(Path.GetFileName(f)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
