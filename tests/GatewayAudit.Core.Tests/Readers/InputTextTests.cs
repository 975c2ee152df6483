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
}
