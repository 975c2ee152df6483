namespace GatewayAudit.Cli;

/// <summary>Writes a report so that a reader never sees half of it: a temporary file beside the target, then a rename.</summary>
public static class ReportFile
{
    /// <param name="protectedFiles">Files the run read (inputs, template, baseline, settings ...): never replaced, whatever path names them.</param>
    public static string? Write(string path, string content, IEnumerable<ProtectedFile>? protectedFiles = null)
    {
        var full = Path.GetFullPath(path);
        if (OutputTarget.Refusal(full, path, protectedFiles ?? []) is { } refusal)
        {
            return refusal;
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            return $"{path}: cannot write the report: folder {folder} does not exist";
        }

        if (Directory.Exists(full))
        {
            return $"{path}: cannot write the report: it is a folder";
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, ControlCharacters.Neutralise(content));
            File.Move(temporary, full, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return $"{path}: cannot write the report ({(e is UnauthorizedAccessException ? "permission denied" : "I/O error")}); nothing was written";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the rename never happened, so the target is untouched either way.
        }
    }
}
