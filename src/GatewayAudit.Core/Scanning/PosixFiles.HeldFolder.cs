using System.Runtime.InteropServices;
using System.Text;

namespace GatewayAudit.Core.Scanning;

public static partial class PosixFiles
{
    private const int OpenPathOnly = 0x200000; // O_PATH, the same on x86-64 and arm64

    [ThreadStatic]
    private static HeldFolder? t_held;

    /// <summary>
    /// While the scope returned is not disposed, the files this thread reads (<see cref="ReadRegular(string, long, byte[])"/>)
    /// are opened by name in their folder, whose descriptor is kept until a file of another folder is read: discovery reads
    /// files in path order, mostly several from one folder, and opening each by its full path made the kernel walk every
    /// folder of the path again (bench/SCALE.md round 18). The file opened is the one the full path names then: the
    /// folder is opened by its path (symlinks followed) when a file in it is first read, and the name in it as before.
    /// </summary>
    public static IDisposable HoldFolders()
    {
        var held = new HeldFolder(t_held);
        t_held = held;
        return held;
    }

    /// <summary>
    /// A descriptor for the file at <paramref name="path"/> opened in its held folder, or null for the caller to open it
    /// by its full path (no folder held, the folder or the file could not be opened this way: the full path's open then
    /// gives the error, if any, exactly as before).
    /// </summary>
    private static int? OpenedInHeldFolder(string path, int flags) => t_held is { } held ? held.Open(path, flags) : null;

    private sealed class HeldFolder(HeldFolder? outer) : IDisposable
    {
        private const int NotOpened = -2;
        private string? _folder;
        private int _handle = NotOpened;
        private bool _disposed;
        private bool _unavailable;

        public int? Open(string path, int flags)
        {
            var cut = path.LastIndexOf('/');
            if (_disposed || _unavailable || !works || !byDescriptor || cut <= 0 || cut == path.Length - 1 || Encoding.UTF8.GetMaxByteCount(path.Length - cut) > 1024)
            {
                return null;
            }

            // The first file of a folder is opened by its full path; the folder is opened (by its path) when a second
            // file of it is read: a folder holding one file read, most of a monorepo's config folders, costs nothing more.
            var folder = path.AsSpan(0, cut);
            if (_folder is null || !folder.SequenceEqual(_folder))
            {
                Release();
                _folder = folder.ToString();
                return null;
            }

            if (_handle == NotOpened)
            {
                try
                {
                    _handle = OpenRetrying(_folder, OpenReadOnly | OpenPathOnly | OpenFolderOnly | OpenCloseOnExec);
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    _handle = -1;
                }
            }

            if (_handle < 0)
            {
                return null; // the folder could not be opened: each of its files is opened by its full path
            }

            Span<byte> name = stackalloc byte[1024];
            var length = Encoding.UTF8.GetBytes(path.AsSpan(cut + 1), name);
            name[length] = 0;
            int opened;
            unsafe
            {
                fixed (byte* start = name)
                {
                    try
                    {
                        while ((opened = openat(_handle, start, flags)) < 0 && Marshal.GetLastPInvokeError() == ErrorInterrupted)
                        {
                        }
                    }
                    catch (EntryPointNotFoundException)
                    {
                        _unavailable = true;
                        Release();
                        return null;
                    }
                }
            }

            return opened >= 0 ? opened : null;
        }

        private void Release()
        {
            if (_handle >= 0)
            {
                _ = close(_handle);
            }

            (_handle, _folder) = (NotOpened, null);
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Release();
                if (t_held == this)
                {
                    t_held = outer;
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static unsafe partial int openat(int dirfd, byte* pathname, int flags);
}
