namespace GatewayAudit.Cli;

/// <summary>Writes a report so that a reader never sees half of it: a temporary file beside the target, then a rename.</summary>
public static class ReportFile
{
    /// <param name="protectedFiles">Files the run read (inputs, template, baseline, settings ...): never replaced, whatever path names them.</param>
    public static string? Write(string path, string content, IEnumerable<ProtectedFile>? protectedFiles = null) =>
        Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(ControlCharacters.Neutralise(content))), protectedFiles);

    /// <param name="write">Writes the content to the temporary file's stream; an exception it throws leaves the target untouched.</param>
    public static string? Write(string path, Action<Stream> write, IEnumerable<ProtectedFile>? protectedFiles = null)
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
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return $"{path}: cannot write the report ({(e is UnauthorizedAccessException ? "permission denied" : "I/O error")}); nothing was written";
        }
        catch
        {
            TryDelete(temporary);
            throw;
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
