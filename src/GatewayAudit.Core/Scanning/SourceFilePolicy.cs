using System.Buffers;
using System.Text;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Which source files a folder scan passes over, and why: vendored and build-output folders, test code (test doubles
/// and fixtures are not production calls), generated and minified files, files too large or binary to be hand-written
/// source. Applies to files only source-code readers take; configs are read wherever they are. Data in one place.
/// </summary>
public static class SourceFilePolicy
{
    /// <summary>Hand-written source is rarely larger; a bigger file is generated, bundled or data.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>A line this long is minified or generated code.</summary>
    public const int MaxLineLength = 5_000;

    /// <summary>At most this many source files are read in one scan; the rest are listed as passed over.</summary>
    public const int MaxFiles = 50_000;

    private static readonly HashSet<string> VendoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "vendor", "vendors", "third_party", "third-party", "thirdparty", "dist", "build", ".next", ".nuxt", "bower_components",
        "site-packages", "__generated__", "generated",
    };

    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "spec", "specs", "testdata", "testing", "fixtures", "__mocks__", "mocks", "e2e",
    };

    private static readonly string[] TestNameEndings =
    [
        "_test.py", "_tests.py", "_test.go", "Test.java", "Tests.java", "IT.java", "Test.kt", "Tests.kt",
        ".test.js", ".test.jsx", ".test.ts", ".test.tsx", ".test.mjs", ".spec.js", ".spec.jsx", ".spec.ts", ".spec.tsx", ".spec.mjs",
    ];

    private static readonly string[] GeneratedNameEndings = ["_pb2.py", "_pb2_grpc.py", ".pb.go", ".gen.go", "_generated.go", ".generated.ts", ".generated.js"];

    private static readonly string[] MinifiedNameEndings = [".min.js", ".min.mjs", "-min.js", ".bundle.js", ".chunk.js"];

    /// <summary>Why a source file is passed over by where it is or what it is named; null to read it. The path is relative to the folder walked.</summary>
    public static string? ByPath(string relativePath) => ByPath(relativePath.AsSpan());

    /// <summary>
    /// <see cref="ByPath(string)"/> on the part of a walked path below the folder walked, cut at '/' and '\' in place:
    /// splitting every source path of a monorepo into strings was most of the walk's garbage (bench/SCALE.md round 14).
    /// </summary>
    public static string? ByPath(ReadOnlySpan<char> relativePath)
    {
        var cut = relativePath.LastIndexOfAny('/', '\\') + 1;
        return ByFolders(relativePath[..cut]) ?? ByName(relativePath[cut..]);
    }

    /// <summary>
    /// The part of <see cref="ByPath(ReadOnlySpan{char})"/> that looks at the folders (the path up to and including its
    /// last '/' or '\\'): the same for every file of a folder, so the walk asks it once per folder (bench/SCALE.md round 17).
    /// </summary>
    public static string? ByFolders(ReadOnlySpan<char> folders)
    {
        var vendored = VendoredFolders.GetAlternateLookup<ReadOnlySpan<char>>();
        var tests = TestFolders.GetAlternateLookup<ReadOnlySpan<char>>();
        var rest = folders;
        int cut;
        while ((cut = rest.IndexOfAny('/', '\\')) >= 0)
        {
            var folder = rest[..cut];
            if (vendored.Contains(folder))
            {
                return $"vendored or build output (in {folder}/): not the project's own code";
            }

            if (tests.Contains(folder))
            {
                return $"test code (in {folder}/): test doubles and fixtures are not production calls";
            }

            rest = rest[(cut + 1)..];
        }

        return null;
    }

    /// <summary>The part of <see cref="ByPath(ReadOnlySpan{char})"/> that looks at the file's own name.</summary>
    public static string? ByName(ReadOnlySpan<char> name)
    {
        if (name.StartsWith("test_", StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal) || name.SequenceEqual("conftest.py") || EndsWithAny(name, TestNameEndings))
        {
            return "test code (by its name): test doubles and fixtures are not production calls";
        }

        if (EndsWithAny(name, GeneratedNameEndings))
        {
            return "generated code (by its name)";
        }

        if (name.EndsWith(".d.ts", StringComparison.Ordinal) || name.EndsWith(".d.mts", StringComparison.Ordinal))
        {
            return "type declarations: no calls";
        }

        return EndsWithAny(name, MinifiedNameEndings) ? "minified or bundled code (by its name)" : null;
    }

    // Made once, not for every source file read (bench/SCALE.md round 14).
    private static readonly string TooLarge = $"larger than {MaxBytes / (1024 * 1024)} MiB, so generated, bundled or data rather than hand-written source";

    /// <summary>
    /// Reads a walked source file, or says why not: too large, binary, generated (its header says so) or minified
    /// (a very long line). Bytes that are not UTF-8 are replaced, since a lexical scan needs only the ASCII around them.
    /// <paramref name="regularFile"/>: the walk has just seen a regular file, not a link, here (its kind is not asked again).
    /// </summary>
    public static (string? Text, string? Reason) Read(string fullPath, bool regularFile = false)
    {
        var (text, reason, _) = ReadIdentified(fullPath, regularFile);
        return (text, reason);
    }

    /// <summary>As <see cref="Read"/>, with the identity of the file the text came from (null where not known: see <see cref="InputText.ReadInput"/>).</summary>
    internal static (string? Text, string? Reason, FileId? ReadAs) ReadIdentified(string fullPath, bool regularFile)
    {
        var read = ReadDecoded(fullPath, regularFile);
        return (read.HasText ? read.TextString() : null, read.Reason, read.ReadAs);
    }

    // The characters of the source file being judged, one array per thread kept from file to file: most walked source
    // files are passed over once read (no reader's pre-filter finds anything), and decoding each into a string it
    // dropped was most of the walk's garbage (bench/SCALE.md round 18). A larger file is decoded into its own string.
    [ThreadStatic]
    private static char[]? t_chars;

    private const int SharedChars = 64 * 1024;

    /// <summary>
    /// As <see cref="ReadIdentified"/>, with the text as characters that may be in this thread's buffer (valid until the
    /// next read on this thread): a caller makes a string only of a file it keeps (<see cref="SourceRead.TextString"/>).
    /// </summary>
    internal static SourceRead ReadDecoded(string fullPath, bool regularFile)
    {
        try
        {
            if (!regularFile && FileIdentity.KindOf(fullPath) is var kind and not FileKind.Regular)
            {
                return new SourceRead(default, null, $"{FileIdentity.Describe(kind)}, not a regular file", null);
            }

            var (read, length, size, id) = InputText.ReadBoundedTransient(fullPath, MaxBytes);
            if (read is null && size > MaxBytes)
            {
                return new SourceRead(default, null, $"{size / (1024.0 * 1024.0):0.0} MiB: {TooLarge}", id);
            }

            if (read is null)
            {
                return new SourceRead(default, null, TooLarge, id);
            }

            var bytes = new ReadOnlySpan<byte>(read, 0, length);
            if (bytes.IndexOf((byte)0) >= 0)
            {
                return new SourceRead(default, null, "binary content (a NUL byte)", id);
            }

            // The same decoding as Encoding.UTF8.GetString (bad bytes replaced), into the shared buffer when it fits.
            if (Encoding.UTF8.GetMaxCharCount(length) <= SharedChars)
            {
                var chars = t_chars ??= new char[SharedChars];
                ReadOnlySpan<char> text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
                text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
                return new SourceRead(text, null, ByContent(text), id) { HasText = true };
            }

            var whole = Encoding.UTF8.GetString(bytes);
            whole = whole.Length > 0 && whole[0] == '\uFEFF' ? whole[1..] : whole;
            return new SourceRead(whole, whole, ByContent(whole), id) { HasText = true };
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // A file too large is passed over for its size, whether it can be opened or not, as before it was opened.
            return InputText.SizeOf(fullPath) is > MaxBytes and var size
                ? new SourceRead(default, null, $"{size / (1024.0 * 1024.0):0.0} MiB: {TooLarge}", null)
                : new SourceRead(default, null, "unreadable: permission denied or I/O error", null);
        }
    }

    /// <summary>Why a source text is passed over: a generated-code header (Go's "Code generated ... DO NOT EDIT.", @generated, &lt;auto-generated&gt;) or a minified line.</summary>
    public static string? ByContent(string text) => ByContent(text.AsSpan());

    /// <summary><see cref="ByContent(string)"/> on characters not yet made a string (<see cref="ReadDecoded"/>).</summary>
    public static string? ByContent(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 1_000)];
        if (head.IndexOfAny(GeneratedMarkers) >= 0 && HasGeneratedHeader(head))
        {
            return "generated code (its header says so)";
        }

        var longest = 0;
        var rest = text;
        while (true)
        {
            var end = rest.IndexOf('\n');
            longest = Math.Max(longest, end < 0 ? rest.Length : end);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        return longest > MaxLineLength ? $"minified or generated (a line of {longest:N0} characters)" : null;
    }

    // The word every header marker below has, in any letter case, found in one vectorised pass: a head without it is not
    // generated. The case-insensitive search for "<auto-generated" alone, in a copy of each file's head, was 4 % of the
    // instructions of a scan at 1,000 configs (bench/SCALE.md round 17), and nearly every source file has no marker.
    private static readonly SearchValues<string> GeneratedMarkers = SearchValues.Create(["generated"], StringComparison.OrdinalIgnoreCase);

    private static bool HasGeneratedHeader(ReadOnlySpan<char> head) =>
        (head.Contains("Code generated", StringComparison.Ordinal) && head.Contains("DO NOT EDIT", StringComparison.Ordinal))
        || head.Contains("@generated", StringComparison.Ordinal)
        || head.Contains("<auto-generated", StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithAny(ReadOnlySpan<char> name, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (name.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A walked source file as <see cref="SourceFilePolicy.ReadDecoded"/> read it: its characters when it was read and
/// decoded (<see cref="HasText"/>; in a buffer the next read on this thread reuses, unless <paramref name="whole"/> is
/// the string they are), why it is passed over (null to read it), and the file read (null where not known).
/// </summary>
internal readonly ref struct SourceRead(ReadOnlySpan<char> text, string? whole, string? reason, FileId? readAs)
{
    public ReadOnlySpan<char> Text { get; } = text;

    public bool HasText { get; init; }

    public string? Reason { get; } = reason;

    public FileId? ReadAs { get; } = readAs;

    /// <summary>The text as a string, made only for a file that is kept.</summary>
    public string TextString() => whole ?? new string(Text);
}
