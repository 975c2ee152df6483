using System.Text;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers;

/// <summary>Reads an input file's text with the guards every input needs: size, binary content, encoding, access.</summary>
public static class InputText
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>The file's text, or null with an error diagnostic saying why it cannot be read.</summary>
    public static string? Read(string fullPath, string shownPath, List<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(shownPath, 0);
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxBytes)
            {
                diagnostics.Add(Diagnostic.Error("input-too-large",
                    $"file is {info.Length / (1024.0 * 1024.0):0.0} MiB; inputs larger than {MaxBytes / (1024 * 1024)} MiB are not read", at));
                return null;
            }

            var bytes = File.ReadAllBytes(fullPath);
            var nul = Array.IndexOf(bytes, (byte)0);
            if (nul >= 0)
            {
                diagnostics.Add(Diagnostic.Error("input-binary", $"file holds binary data (a NUL byte at offset {nul}); not a text config", at));
                return null;
            }

            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
            }
            catch (DecoderFallbackException e)
            {
                diagnostics.Add(Diagnostic.Error("input-encoding", $"file is not valid UTF-8 (bad byte at offset {e.Index})", at));
                return null;
            }
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error("input-unreadable", "permission denied", at));
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error("input-unreadable", "cannot read: " + e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal), at));
        }

        return null;
    }
}
