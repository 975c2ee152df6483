using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary>
/// The CLI's only way to print. Every line passes through the scan's secret ledger, so a literal secret read from
/// an input cannot reach the terminal or a log, whatever message carries it; nor can a terminal control character.
/// </summary>
public sealed class Terminal(TextWriter output, TextWriter error)
{
    public SecretLedger Secrets { get; set; } = new();

    public TextWriter Output { get; } = output;

    /// <summary>True when stderr is a terminal (injected, so tests can say either): only then is progress shown.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>A progress line for a long scan, redrawn in place on stderr; null when stderr is not a terminal.</summary>
    public IProgress<ScanProgress>? Progress() => ErrorIsTerminal ? new ProgressLine(error, text => ControlCharacters.Neutralise(Secrets.Scrub(text))) : null;

    /// <summary>
    /// The stream a report is written to. On the process's own standard output the UTF-8 bytes go straight to it in
    /// 64 KiB writes: through <see cref="Console.Out"/>, which flushes every 256 bytes, a 200 MiB JSON report took
    /// close to a million write calls (bench/SCALE.md). Any other writer (a test's) gets the text decoded onto it.
    /// </summary>
    public Stream OpenReport() => ReferenceEquals(Output, Console.Out)
        ? new BufferedStream(Console.OpenStandardOutput(), 64 * 1024)
        : new TextWriterStream(Output);

    public void Write(string text) => Output.Write(ControlCharacters.Neutralise(Secrets.Scrub(text)));

    public void Error(string text) => error.WriteLine(ControlCharacters.Neutralise(Secrets.Scrub(text)));

    /// <summary>One diagnostic, one line: line breaks quoted from an input are shown as \n so they cannot forge log lines.</summary>
    public void Report(Diagnostic diagnostic) => Error($"{diagnostic.Location}: {EnumText.Of(diagnostic.Severity)} {diagnostic.Code}: " +
        diagnostic.Message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
}
