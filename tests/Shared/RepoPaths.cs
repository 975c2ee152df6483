namespace GatewayAudit.Tests.Shared;

/// <summary>Locates the repository root (the folder holding Audit.sln) from the test assembly's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Audit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Audit.sln above {AppContext.BaseDirectory}");
    }
}
