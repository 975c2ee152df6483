using System.Runtime.InteropServices;

namespace GatewayAudit.Core.Scanning;

/// <summary>What a path names once symlinks are followed: only a regular file is ever read as an input or replaced by a report.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    SymbolicLink,
    Other,
}

/// <summary>
/// The kind and identity (device + inode) of a file, so that a FIFO is never opened (opening one blocks until a writer
/// comes), a device is never read to its end (<c>/dev/zero</c> has none) or renamed over, and two paths to one file
/// (symlink, hard link, other letter case on a case-insensitive file system) are known to be one file.
/// .NET does not expose the file type or inode, so on Linux this asks the kernel with <c>statx(2)</c>, whose struct
/// layout is the same on every architecture (man 2 statx; linux/include/uapi/linux/stat.h). Elsewhere it falls back to
/// what .NET can tell: regular file or folder, and the resolved path as identity.
/// </summary>
public static partial class FileIdentity
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    private static bool statxWorks = OperatingSystem.IsLinux();

    /// <summary>The kind of file <paramref name="path"/> names, following symlinks unless <paramref name="followLinks"/> is false.</summary>
    public static FileKind KindOf(string path, bool followLinks = true)
    {
        if (Stat(path, followLinks) is { } status)
        {
            return (status.Mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                0xA000 => FileKind.SymbolicLink,
                _ => FileKind.Other,
            };
        }

        if (!followLinks && new FileInfo(path).LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        return File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
    }

    /// <summary>A key equal for every path to the same file (symlinks followed, hard links, letter case); null when it does not exist.</summary>
    public static string? KeyOf(string path)
    {
        if (IdOf(path) is { } id)
        {
            return $"{id.Device}:{id.Inode}";
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }

        var resolved = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        return OperatingSystem.IsLinux() ? resolved : resolved.ToUpperInvariant();
    }

    /// <summary>
    /// The device and inode <paramref name="path"/> names (symlinks followed), as <see cref="KeyOf"/> compares them; null
    /// when the file does not exist or the kernel cannot be asked here (then <see cref="KeyOf"/> falls back to paths).
    /// </summary>
    public static FileId? IdOf(string path) => Stat(path, followLinks: true) is { } status ? new FileId(status.Device, status.Inode) : null;

    /// <summary>The identity a <c>statx(2)</c> buffer states: the one place its device and inode fields are read.</summary>
    internal static FileId IdIn(ReadOnlySpan<byte> statx) => new(
        ((ulong)BitConverter.ToUInt32(statx[DeviceMajorOffset..]) << 32) | BitConverter.ToUInt32(statx[DeviceMinorOffset..]),
        BitConverter.ToUInt64(statx[InodeOffset..]));

    /// <summary>How a kind reads in a message: "a FIFO (named pipe)", "a character device".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "not a regular file",
    };

    private static (uint Mode, ulong Inode, ulong Device)? Stat(string path, bool followLinks)
    {
        if (!statxWorks)
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An old C library without statx: fall back to what .NET tells.
            statxWorks = false;
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var id = IdIn(buffer);
        return (mode, id.Inode, id.Device);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string pathname, int flags, uint mask, [Out] byte[] statxbuf);
}

/// <summary>
/// Which file a path named when it was asked or opened: device and inode, equal for every path to one file (symlink,
/// hard link, other letter case). Kept for an input as it was read, so that a report is checked against it without
/// asking the kernel again per input.
/// </summary>
public readonly record struct FileId(ulong Device, ulong Inode);
