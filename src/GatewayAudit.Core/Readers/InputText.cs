using System.Text;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers;

/// <summary>Reads an input file's text with the guards every input needs: size, binary content, encoding, access.</summary>
public static class InputText
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>The header git-crypt's clean filter writes in front of every file it encrypts, before the 12-byte
    /// nonce and the ciphertext (AGWA/git-crypt, commands.cpp, <c>clean</c>: "identifies this as an encrypted file").</summary>
    private static ReadOnlySpan<byte> GitCryptHeader => "\0GITCRYPT\0"u8;

    /// <summary>The file's text, or null with a diagnostic saying why it cannot be read: an error, except for a file
    /// met while walking a folder (<paramref name="walked"/>) that is encrypted with git-crypt, which is a warning:
    /// a checkout with one locked secrets file is still scanned, and the report says the file was not read.
    /// <paramref name="regularFile"/>: the caller's walk has just seen a regular file, not a link, at this path, so
    /// its kind is not asked again (a system call per file of a 22,000-file walk: bench/SCALE.md round 8).</summary>
    public static string? Read(string fullPath, string shownPath, List<Diagnostic> diagnostics, bool walked = false, bool regularFile = false) =>
        ReadInput(fullPath, shownPath, diagnostics, walked, regularFile).Text;

    /// <summary>
    /// As <see cref="Read"/>, also telling which file was read: <c>ReadAs</c> is the device and inode of the handle the
    /// text came from (null where not known), so the report's target is later checked against the very file read
    /// without asking the kernel again per input. With <paramref name="tooLargeIsData"/>, a file that reports more than
    /// <see cref="MaxBytes"/> (when opened, or by its size when it cannot be opened) adds no diagnostic: its size comes
    /// back as <c>OverSize</c> and the caller passes it over as a data file.
    /// </summary>
    internal static (string? Text, Scanning.FileId? ReadAs, long OverSize) ReadInput(string fullPath, string shownPath, List<Diagnostic> diagnostics,
        bool walked, bool regularFile, bool tooLargeIsData = false)
    {
        var at = new SourceLocation(shownPath, 0);
        try
        {
            // A FIFO would block the open until a writer comes, and a device (a symlink to /dev/zero) never ends:
            // neither is opened.
            if (!regularFile && Scanning.FileIdentity.KindOf(fullPath) is var kind and not Scanning.FileKind.Regular)
            {
                diagnostics.Add(Diagnostic.Error("input-special-file", $"{Scanning.FileIdentity.Describe(kind)}, not a regular file; not read", at));
                return default;
            }

            // Read at most one byte past the limit: a file that grows while read, or reports no size (/proc), stays bounded.
            var (read, length, size, id) = ReadBoundedTransient(fullPath, MaxBytes);
            if (read is null && size > MaxBytes)
            {
                if (tooLargeIsData)
                {
                    return (null, id, size);
                }

                diagnostics.Add(TooLarge(size, at));
                return default;
            }

            if (read is null)
            {
                diagnostics.Add(Diagnostic.Error("input-too-large", $"file grew past {MaxBytes / (1024 * 1024)} MiB while read; inputs larger than that are not read", at));
                return default;
            }

            var bytes = new ReadOnlySpan<byte>(read, 0, length);
            if (bytes.StartsWith(GitCryptHeader))
            {
                const string why = "file is encrypted with git-crypt; its contents are not read (unlock the repository to scan them)";
                diagnostics.Add(walked ? Diagnostic.Warning("input-encrypted", why, at) : Diagnostic.Error("input-encrypted", why, at));
                return default;
            }

            // Text saved as UTF-16 or UTF-32 with a byte-order mark (Windows editors, PowerShell's `>` redirect) holds
            // NUL bytes and is still text.
            if (UnicodeWithBom(bytes) is { } unicode)
            {
                try
                {
                    return (unicode.GetString(bytes[unicode.Preamble.Length..]), id, 0);
                }
                catch (DecoderFallbackException e)
                {
                    diagnostics.Add(Diagnostic.Error("input-encoding", $"file is not valid {unicode.WebName} (bad byte at offset {e.Index})", at));
                    return default;
                }
            }

            var nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
            {
                diagnostics.Add(Diagnostic.Error("input-binary", $"file holds binary data (a NUL byte at offset {nul}); not a text config", at));
                return default;
            }

            try
            {
                var text = StrictUtf8.GetString(bytes);
                return (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, id, 0);
            }
            catch (DecoderFallbackException e)
            {
                diagnostics.Add(Diagnostic.Error("input-encoding", $"file is not valid UTF-8 (bad byte at offset {e.Index})", at));
                return default;
            }
        }
        catch (UnauthorizedAccessException)
        {
            // The size is known without reading: an over-large file is refused for its size, as before it was opened.
            var size = SizeOf(fullPath);
            if (size > MaxBytes && tooLargeIsData)
            {
                return (null, null, size);
            }

            diagnostics.Add(size > MaxBytes ? TooLarge(size, at) : Diagnostic.Error("input-unreadable", "permission denied", at));
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error("input-unreadable", "cannot read: " + e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal), at));
        }

        return default;
    }

    private static Diagnostic TooLarge(long size, SourceLocation at) => Diagnostic.Error("input-too-large",
        $"file is {size / (1024.0 * 1024.0):0.0} MiB; inputs larger than {MaxBytes / (1024 * 1024)} MiB are not read", at);

    /// <summary>The size a file reports, or -1 when even that cannot be asked.</summary>
    public static long SizeOf(string fullPath)
    {
        try
        {
            return new FileInfo(fullPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>The strict decoder for UTF-16 or UTF-32 text that starts with its byte-order mark, or null. UTF-32 LE is
    /// tried first: its mark begins with UTF-16 LE's.</summary>
    private static Encoding? UnicodeWithBom(ReadOnlySpan<byte> bytes)
    {
        foreach (var encoding in WithMarks)
        {
            if (bytes.StartsWith(encoding.Preamble))
            {
                return encoding;
            }
        }

        return null;
    }

    // Made once, not per file (an encoding is immutable and safe to share between threads): four encodings, an array
    // and a closure for every file read were 7 of the 64 MiB discovery allocated at 10,000 configs (bench/SCALE.md
    // round 14). UTF-32 before UTF-16: UTF-32 LE's mark begins with UTF-16 LE's.
    private static readonly Encoding[] WithMarks =
    [
        new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true),
        new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true),
        new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The bytes of the file being decoded, one array per thread kept from file to file and grown to the largest file
    // read up to SharedReadLimit: a walk decodes each file's bytes into its text at once and drops them, and allocating
    // them per file was 4 % of a 1,000-config scan's samples (bench/SCALE.md round 15). Larger files get their own array.
    [ThreadStatic]
    private static byte[]? t_readBuffer;

    private const int SharedReadLimit = 1024 * 1024;

    /// <summary>
    /// As <see cref="ReadBoundedSized"/>, but the bytes (the first <c>Length</c> of the array) may be in this thread's
    /// read buffer: valid only until the next read on this thread, so for a caller that decodes them at once. <c>Id</c>:
    /// the file read (device and inode of the handle), null where .NET read it.
    /// </summary>
    internal static (byte[]? Bytes, int Length, long Size, Scanning.FileId? Id) ReadBoundedTransient(string fullPath, long maxBytes)
    {
        var buffer = t_readBuffer ??= new byte[64 * 1024];
        if (Scanning.PosixFiles.ReadRegular(fullPath, maxBytes, buffer) is { } read)
        {
            if (read.Bytes is { } bytes && bytes != buffer && bytes.Length <= SharedReadLimit && bytes.Length > buffer.Length)
            {
                t_readBuffer = bytes; // the larger array serves the next files
            }

            return read;
        }

        // .NET's own way does not tell the file opened: no identity, and whoever needs one asks by path.
        var (whole, size) = ReadBoundedSized(fullPath, maxBytes);
        return (whole, whole?.Length ?? 0, size, null);
    }

    /// <summary>The file's bytes, or null when it holds more than <see cref="MaxBytes"/>.</summary>
    public static byte[]? ReadBounded(string fullPath, long maxBytes = MaxBytes) => ReadBoundedSized(fullPath, maxBytes).Bytes;

    /// <summary>
    /// The file's bytes and the size it reported when opened; null bytes when it holds more than
    /// <paramref name="maxBytes"/>: a reported size above it says the file was too large from the start, one within it
    /// that the file grew past it while read.
    /// </summary>
    public static (byte[]? Bytes, long Size) ReadBoundedSized(string fullPath, long maxBytes)
    {
        // On 64-bit Linux: open, one statx, read, close; a file is read to the size it reported when opened
        // (Scanning/PosixFiles, bench/SCALE.md round 10).
        if (Scanning.PosixFiles.ReadRegular(fullPath, maxBytes) is { } read)
        {
            return read;
        }

        // No SequentialScan: the whole file is read at once (one pread of its size), so a read-ahead hint is a
        // posix_fadvise system call per file that buys nothing (bench/SCALE.md round 9).
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);

        // The size the file reports, read into an array of that size: a walk of 20,000 files allocates their bytes,
        // not a copy buffer per file (81,920 bytes each made most of a monorepo scan's garbage). A file that reports
        // no size (/proc) or grows while read goes on in chunks below, still bounded.
        var expected = RandomAccess.GetLength(handle);
        return (expected > maxBytes ? null : ReadFrom(handle, expected, maxBytes), expected);
    }

    private static byte[]? ReadFrom(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long expected, long maxBytes)
    {
        var bytes = new byte[expected];
        var filled = 0;
        int read;
        while (filled < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled)) > 0)
        {
            filled += read;
        }

        if (filled < bytes.Length)
        {
            return bytes[..filled]; // shrank while read
        }

        Span<byte> probe = stackalloc byte[1];
        if (RandomAccess.Read(handle, probe, filled) == 0)
        {
            return bytes;
        }

        var buffer = new MemoryStream();
        buffer.Write(bytes, 0, filled);
        var chunk = new byte[81920];
        while ((read = RandomAccess.Read(handle, chunk, buffer.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
