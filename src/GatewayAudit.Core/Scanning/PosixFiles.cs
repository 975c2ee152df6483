using System.Runtime.InteropServices;
using System.Text;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The few C library calls a folder scan makes itself on 64-bit Linux, where .NET's own calls cost system calls the scan
/// does not need (bench/SCALE.md round 10): .NET's folder listing tells a folder from a file but not a regular file from
/// a symlink, FIFO or device, so the walk asked the kernel once more per file (<c>statx</c>) although the directory entry
/// already said (<c>d_type</c>); and opening and sizing a file through <c>SafeFileHandle</c> is <c>openat</c>,
/// <c>fstat</c>, <c>fstat</c>, <c>pread</c>, <c>pread</c>, <c>close</c> where <c>open</c>, one <c>statx</c>, <c>read</c> and
/// <c>close</c> do. Written by hand, as <see cref="FileIdentity"/>'s <c>statx</c> already is: the packages that bind libc
/// (Tmds.LibC 0.5, Mono.Unix) are old preview bindings or bring a native library per platform. Only 64-bit Linux,
/// where glibc's and musl's <c>struct dirent</c> have one layout (d_ino, d_off, d_reclen, d_type, d_name) and
/// <c>statx</c>'s is the kernel's on every architecture; elsewhere <see cref="Works"/> is false and callers use .NET.
/// </summary>
public static partial class PosixFiles
{
    /// <summary>Whether this process may use these calls (64-bit Linux, and the C library had them when first asked).</summary>
    public static bool Works => works;

    private static bool works = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    private const int DirentLengthOffset = 16;
    private const int DirentTypeOffset = 18;
    private const int DirentNameOffset = 19;

    private const int OpenReadOnly = 0;
    private const int OpenNoControllingTerminal = 0x100; // O_NOCTTY
    private const int OpenNonBlocking = 0x800; // O_NONBLOCK: a FIFO swapped in after the walk looked is not waited on
    private const int OpenCloseOnExec = 0x80000; // O_CLOEXEC
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxModeOffset = 28;
    private const int StatxSizeOffset = 40;

    private const int ErrorInterrupted = 4; // EINTR
    private const int ErrorNotFound = 2; // ENOENT
    private const int ErrorPermission = 1; // EPERM
    private const int ErrorAccess = 13; // EACCES
    private const int ErrorIsFolder = 21; // EISDIR
    private const int ErrorNameTooLong = 36; // ENAMETOOLONG

    /// <summary>
    /// The entries of <paramref name="folder"/> (without "." and ".."), each with its full path and its kind as the
    /// directory entry states it: null when the file system does not say (DT_UNKNOWN), and the caller asks the kernel.
    /// Null when these calls do not work here. Throws as .NET's listing does: permission denied, or an I/O error.
    /// </summary>
    public static List<(string Path, FileKind? Kind)>? List(string folder)
    {
        var entries = new List<(string, FileKind?)>();
        return ListInto(folder, entries) ? entries : null;
    }

    /// <summary>
    /// As <see cref="List"/>, adding the entries to <paramref name="entries"/> (a list the caller reuses from folder to
    /// folder: a new list grown per folder was a tenth of the walk's garbage, bench/SCALE.md round 18); false when these
    /// calls do not work here.
    /// </summary>
    internal static bool ListInto(string folder, List<(string Path, FileKind? Kind)> entries)
    {
        if (!works)
        {
            return false;
        }

        if (ListedByDescriptor(folder, entries))
        {
            return true;
        }

        nint directory;
        try
        {
            directory = opendir(folder);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            works = false;
            return false;
        }

        if (directory == 0)
        {
            throw ErrorOf(Marshal.GetLastPInvokeError(), folder);
        }

        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + "/";
        try
        {
            while (true)
            {
                var entry = readdir(directory);
                if (entry == 0)
                {
                    // End of the folder, or an error: readdir sets errno only for the latter (the call clears it first).
                    var error = Marshal.GetLastPInvokeError();
                    if (error != 0)
                    {
                        throw ErrorOf(error, folder);
                    }

                    break;
                }

                unsafe
                {
                    var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + DirentNameOffset);
                    if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
                    {
                        continue;
                    }

                    entries.Add((Joined(prefix, name), KindOf(*((byte*)entry + DirentTypeOffset))));
                }
            }
        }
        finally
        {
            _ = closedir(directory);
        }

        return true;
    }

    // open(2)'s O_DIRECTORY, which differs by architecture: it makes the open fail on anything but a folder before a
    // device's driver is reached. Elsewhere the listing stays with opendir.
    private static readonly int OpenFolderOnly = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x10000,
        Architecture.Arm64 => 0x4000,
        _ => 0,
    };

    private static bool byDescriptor = OpenFolderOnly != 0;

    [ThreadStatic]
    private static byte[]? _entries;

    /// <summary>
    /// The folder's entries read with <c>open</c>, <c>getdents64</c> and <c>close</c>: <c>opendir</c> also asks <c>fstat</c>
    /// and allocates a 32 KiB buffer for every folder, one more system call per folder of a walk (14,400 folders at
    /// 10,000 configs; bench/SCALE.md round 14). The kernel's records have the layout of <c>struct dirent</c> above
    /// (<c>linux_dirent64</c>). False where <c>getdents64</c> is not in the C library (glibc before 2.30) or the
    /// architecture's flags are not known here: the caller lists with <c>opendir</c>.
    /// </summary>
    private static bool ListedByDescriptor(string folder, List<(string Path, FileKind? Kind)> entries)
    {
        if (Opened(folder, OpenReadOnly | OpenNonBlocking | OpenFolderOnly | OpenCloseOnExec, ref byDescriptor) is not { } handle)
        {
            return false;
        }

        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + "/";
        var buffer = _entries ??= new byte[32 * 1024];
        try
        {
            while (true)
            {
                nint filled;
                unsafe
                {
                    fixed (byte* start = buffer)
                    {
                        try
                        {
                            filled = getdents64(handle, start, (nuint)buffer.Length);
                        }
                        catch (EntryPointNotFoundException)
                        {
                            byDescriptor = false;
                            return false;
                        }
                    }
                }

                if (filled < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == ErrorInterrupted)
                    {
                        continue;
                    }

                    throw ErrorOf(error, folder);
                }

                if (filled == 0)
                {
                    break;
                }

                for (var at = 0; at < filled;)
                {
                    var record = buffer.AsSpan(at);
                    var length = BitConverter.ToUInt16(record[DirentLengthOffset..]);
                    var name = record[DirentNameOffset..length];
                    name = name[..Math.Max(0, name.IndexOf((byte)0))];
                    if (!name.SequenceEqual("."u8) && !name.SequenceEqual(".."u8))
                    {
                        entries.Add((Joined(prefix, name), KindOf(record[DirentTypeOffset])));
                    }

                    at += length;
                }
            }
        }
        finally
        {
            _ = close(handle);
        }

        return true;
    }

    /// <summary>The folder's path and an entry's name (its bytes as UTF-8, bad bytes replaced) as one new string.</summary>
    private static string Joined(string prefix, ReadOnlySpan<byte> name)
    {
        // A name is at most 255 bytes on Linux's file systems, so its characters fit on the stack.
        Span<char> chars = name.Length <= 255 ? stackalloc char[256] : new char[Encoding.UTF8.GetMaxCharCount(name.Length)];
        var count = Encoding.UTF8.GetChars(name, chars);
        return string.Concat(prefix.AsSpan(), chars[..count]);
    }

    // d_type values (dirent.h): DT_UNKNOWN 0, DT_FIFO 1, DT_CHR 2, DT_DIR 4, DT_BLK 6, DT_REG 8, DT_LNK 10, DT_SOCK 12.
    private static FileKind? KindOf(byte type) => type switch
    {
        8 => FileKind.Regular,
        4 => FileKind.Directory,
        10 => FileKind.SymbolicLink,
        1 => FileKind.Fifo,
        2 => FileKind.CharacterDevice,
        6 => FileKind.BlockDevice,
        12 => FileKind.Socket,
        _ => null,
    };

    /// <summary>
    /// A descriptor for <paramref name="path"/> opened with <paramref name="flags"/>; null, and <paramref name="available"/>
    /// turned off for the rest of the run, when the C library lacks the call (the caller then uses .NET's own way).
    /// Throws as <see cref="ErrorOf"/> does when the open fails.
    /// </summary>
    private static int? Opened(string path, int flags, ref bool available)
    {
        if (!available)
        {
            return null;
        }

        int handle;
        try
        {
            handle = OpenRetrying(path, flags);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            available = false;
            return null;
        }

        return handle >= 0 ? handle : throw ErrorOf(Marshal.GetLastPInvokeError(), path);
    }

    /// <summary>
    /// The bytes of the regular file at <paramref name="path"/> and the size it reported when opened; null bytes when
    /// that size is above <paramref name="maxBytes"/>. A file reporting a size is read to that size: bytes appended while
    /// it is read are not, so the file is read as it was when opened. One reporting none (a /proc file) is read in chunks,
    /// at most one byte past the limit. Null (not a tuple) when these calls do not work here. Throws as .NET does
    /// (<see cref="FileNotFoundException"/>, <see cref="UnauthorizedAccessException"/>, <see cref="IOException"/>);
    /// a path that is no longer a regular file when opened is an <see cref="IOException"/>.
    /// </summary>
    public static (byte[]? Bytes, long Size)? ReadRegular(string path, long maxBytes) =>
        ReadRegular(path, maxBytes, buffer: null) is { } read
            ? (read.Bytes is { } bytes && read.Length < bytes.Length ? bytes[..read.Length] : read.Bytes, read.Size) // shorter: it shrank while read
            : null;

    /// <summary>
    /// As <see cref="ReadRegular(string, long)"/>, but into <paramref name="buffer"/> when the size the file reports fits
    /// there, so that a caller decoding file after file does not allocate each one's bytes (bench/SCALE.md round 15);
    /// otherwise into a new array. The file's bytes are the first <c>Length</c> of the array returned. <c>Id</c> is the
    /// file opened (device and inode, from the same <c>statx</c> of the open handle), so a caller that must know later
    /// which file it read need not ask again.
    /// </summary>
    public static (byte[]? Bytes, int Length, long Size, FileId Id)? ReadRegular(string path, long maxBytes, byte[]? buffer)
    {
        if (Opened(path, OpenReadOnly | OpenNoControllingTerminal | OpenNonBlocking | OpenCloseOnExec, ref works) is not { } handle)
        {
            return null;
        }

        try
        {
            Span<byte> status = stackalloc byte[256];
            if (statx(handle, "", AtEmptyPath, StatxBasicStats, status) != 0)
            {
                throw ErrorOf(Marshal.GetLastPInvokeError(), path);
            }

            if ((BitConverter.ToUInt16(status[StatxModeOffset..]) & 0xF000) != 0x8000)
            {
                throw new IOException("not a regular file");
            }

            var size = (long)BitConverter.ToUInt64(status[StatxSizeOffset..]);
            var id = FileIdentity.IdIn(status);
            if (size > maxBytes)
            {
                return (null, 0, size, id);
            }

            if (size > 0)
            {
                var bytes = buffer is not null && size <= buffer.Length ? buffer : new byte[size];
                return (bytes, ReadInto(handle, bytes.AsSpan(0, (int)size), path), size, id);
            }

            // No size reported: read in chunks, still bounded.
            var chunks = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = ReadInto(handle, chunk, path)) > 0)
            {
                chunks.Write(chunk, 0, read);
                if (chunks.Length > maxBytes)
                {
                    return (null, 0, size, id);
                }

                if (read < chunk.Length)
                {
                    break; // ReadInto stops short only where read(2) said the file ended
                }
            }

            var all = chunks.ToArray();
            return (all, all.Length, size, id);
        }
        finally
        {
            _ = close(handle);
        }
    }

    /// <summary>open(2), asked again while a signal interrupts it; a negative handle leaves its error for the caller.</summary>
    private static int OpenRetrying(string path, int flags)
    {
        int handle;
        while ((handle = open(path, flags)) < 0 && Marshal.GetLastPInvokeError() == ErrorInterrupted)
        {
        }

        return handle;
    }

    /// <summary>Fills <paramref name="into"/> from the file's current position until it is full or the file ends; how many bytes came.</summary>
    private static unsafe int ReadInto(int handle, Span<byte> into, string path)
    {
        var filled = 0;
        fixed (byte* start = into)
        {
            while (filled < into.Length)
            {
                var read = read_(handle, start + filled, (nuint)(into.Length - filled));
                if (read < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == ErrorInterrupted)
                    {
                        continue;
                    }

                    throw ErrorOf(error, path);
                }

                if (read == 0)
                {
                    break;
                }

                filled += (int)read;
            }
        }

        return filled;
    }

    /// <summary>The exception .NET throws for this error number on this path, as far as the scan's messages tell them apart.</summary>
    private static Exception ErrorOf(int error, string path) => error switch
    {
        ErrorNotFound => Directory.Exists(Path.GetDirectoryName(path)) ? new FileNotFoundException(null, path) : new DirectoryNotFoundException(),
        ErrorAccess or ErrorPermission or ErrorIsFolder => new UnauthorizedAccessException(),
        ErrorNameTooLong => new PathTooLongException(),
        _ => new IOException(null, error),
    };

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint opendir(string name);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint readdir(nint directory);

    [LibraryImport("libc", EntryPoint = "getdents64", SetLastError = true)]
    private static unsafe partial nint getdents64(int handle, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int closedir(nint directory);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string pathname, int flags);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int dirfd, string pathname, int flags, uint mask, Span<byte> statxbuf);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint read_(int handle, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int close(int handle);
}
