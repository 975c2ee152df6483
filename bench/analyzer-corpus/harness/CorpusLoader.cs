namespace GatewayAudit.AnalyzerCorpus;

/// <summary>The *.cs files of one compilation: a name for the report and the folder paths are shown relative to.</summary>
public sealed record CorpusUnit(string Repo, string Name, string Root, IReadOnlyList<string> Files);

/// <summary>Finds the *.cs files of a folder (skipping build output and VCS folders) and splits them into compilations.</summary>
public static class CorpusLoader
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "obj", "bin", ".git", ".vs", "node_modules" };

    public static IReadOnlyList<CorpusUnit> Load(string folder, Grouping grouping)
    {
        var repo = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        var files = new List<string>();
        var projectFolders = new HashSet<string>(StringComparer.Ordinal);
        Walk(folder, files, projectFolders);
        files.Sort(StringComparer.Ordinal);

        IEnumerable<IGrouping<string, string>> groups = grouping switch
        {
            Grouping.Repo => files.GroupBy(_ => "."),
            Grouping.Top => files.GroupBy(f => TopFolder(folder, f)),
            Grouping.Csproj => files.GroupBy(f => ProjectFolder(folder, f, projectFolders)),
            _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
        };

        return groups
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CorpusUnit(repo, g.Key, folder, g.ToList()))
            .ToList();
    }

    private static void Walk(string directory, List<string> files, HashSet<string> projectFolders)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(directory, "*", options))
        {
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(file);
            }
            else if (file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                projectFolders.Add(directory);
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory, "*", options))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)))
            {
                Walk(child, files, projectFolders);
            }
        }
    }

    private static string TopFolder(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? "." : relative[..separator];
    }

    private static string ProjectFolder(string root, string file, HashSet<string> projectFolders)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length >= root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (projectFolders.Contains(directory))
            {
                return Path.GetRelativePath(root, directory);
            }
        }

        return ".";
    }
}
