using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Reading an input's bytes with the size bound: exactly the file's bytes, whatever size it reports.</summary>
public sealed class InputTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-audit-inputtext-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81_919)]
    [InlineData(81_920)]
    [InlineData(300_001)]
    public void ReadsExactlyTheFilesBytes(int size)
    {
        var path = Path.Combine(_folder, "config.yaml");
        var bytes = Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray();
        File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, InputText.ReadBounded(path, maxBytes: 1_000_000));
    }

    [Fact]
    public void AFileOverTheBoundIsNotRead()
    {
        var path = Path.Combine(_folder, "values.yaml");
        File.WriteAllBytes(path, new byte[1_001]);

        Assert.Null(InputText.ReadBounded(path, maxBytes: 1_000));
        Assert.NotNull(InputText.ReadBounded(path, maxBytes: 1_001));
    }

    [Fact]
    public void AFileThatReportsNoSizeIsReadToItsEnd()
    {
        // Files under /proc report a size of 0 and still hold text: read in chunks, bounded.
        if (!File.Exists("/proc/self/status"))
        {
            Assert.True(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(), "Linux without /proc");
            return;
        }

        var text = System.Text.Encoding.UTF8.GetString(InputText.ReadBounded("/proc/self/status")!);

        Assert.Contains("Name:", text, StringComparison.Ordinal);
        Assert.Contains("VmRSS:", text, StringComparison.Ordinal);
        Assert.Null(InputText.ReadBounded("/proc/self/status", maxBytes: 10));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public void TextWithAUnicodeByteOrderMarkIsReadAsText(string encoding)
    {
        // pip writes requirements.txt in UTF-16 when PowerShell redirects `pip freeze > requirements.txt`.
        var path = Path.Combine(_folder, "requirements.txt");
        var enc = System.Text.Encoding.GetEncoding(encoding);
        File.WriteAllBytes(path, [.. enc.GetPreamble(), .. enc.GetBytes("llama-index==0.10.12\r\nopenai==1.12.0\r\n")]);
        var diagnostics = new List<GatewayAudit.Core.Model.Diagnostic>();

        Assert.Equal("llama-index==0.10.12\r\nopenai==1.12.0\r\n", InputText.Read(path, "requirements.txt", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void NulBytesWithoutAByteOrderMarkAreStillBinary()
    {
        var path = Path.Combine(_folder, "config.yaml");
        File.WriteAllBytes(path, System.Text.Encoding.Unicode.GetBytes("model_list: []"));
        var diagnostics = new List<GatewayAudit.Core.Model.Diagnostic>();

        Assert.Null(InputText.Read(path, "config.yaml", diagnostics));
        Assert.Equal("input-binary", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData(true, GatewayAudit.Core.Model.DiagnosticSeverity.Warning)]
    [InlineData(false, GatewayAudit.Core.Model.DiagnosticSeverity.Error)]
    public void AGitCryptFileIsNotReadAndOnlyANamedOneStopsTheScan(bool walked, GatewayAudit.Core.Model.DiagnosticSeverity severity)
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllBytes(path, [.. "\0GITCRYPT\0"u8, .. new byte[] { 0x9c, 0x01, 0x00, 0x7f, 0xee, 0x10, 0x42, 0x00, 0x03, 0xd1, 0x5a, 0x66, 0x00, 0xfe }]);
        var diagnostics = new List<GatewayAudit.Core.Model.Diagnostic>();

        Assert.Null(InputText.Read(path, ".env", diagnostics, walked));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("input-encrypted", severity), (diagnostic.Code, diagnostic.Severity));
        Assert.Contains("git-crypt", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_read_one_after_another_give_each_its_own_text_whatever_the_one_before_held()
    {
        // Successive files share one read buffer per thread: a short file after a long one, or after a binary one, must
        // show none of the earlier bytes, and a NUL the earlier file left past the short one's end is not the short one's.
        var longText = string.Concat(Enumerable.Repeat("model_list: [] # padding line\n", 5_000)); // ~150 KB: the buffer grows
        var binary = new byte[2_000];
        binary[1_500] = 0;
        Array.Fill(binary, (byte)'x', 0, 1_500);
        var files = new (string Name, byte[] Bytes)[]
        {
            ("long.yaml", System.Text.Encoding.UTF8.GetBytes(longText)),
            ("short.yaml", "a: 1\n"u8.ToArray()),
            ("binary.yaml", binary),
            ("after-binary.yaml", "b: 2\n"u8.ToArray()),
            ("huge.yaml", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("k: v\n", 300_000)))), // 1.5 MB: past the shared buffer
            ("last.yaml", "c: 3"u8.ToArray()),
        };
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(_folder, name), bytes);
        }

        var diagnostics = new List<GatewayAudit.Core.Model.Diagnostic>();
        foreach (var (name, bytes) in files)
        {
            var full = Path.Combine(_folder, name);
            var text = InputText.Read(full, name, diagnostics);
            var (source, reason) = GatewayAudit.Core.Scanning.SourceFilePolicy.Read(full);
            if (name == "binary.yaml")
            {
                Assert.Null(text);
                Assert.Null(source);
                Assert.StartsWith("binary content", reason);
                continue;
            }

            Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), text);
            if (name == "huge.yaml")
            {
                Assert.Null(source); // past the source reader's 1 MiB: passed over for its size
                Assert.StartsWith("1.4 MiB", reason);
                continue;
            }

            Assert.Equal(text, source);
        }

        Assert.Equal("input-binary", Assert.Single(diagnostics).Code);
    }
}
