using System.Diagnostics;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary>
/// One line on stderr, redrawn in place ("\r"), at most every <see cref="Interval"/> and always for the first and
/// last file: "reading 1,234/22,000 files: teams/team-012/svc-00617". Cleared when the scan is done, so the
/// diagnostics and the report that follow start on a clean line. Texts from the inputs pass through <c>clean</c>.
/// </summary>
public sealed class ProgressLine(TextWriter error, Func<string, string> clean) : IProgress<ScanProgress>, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const int Width = 100;

    private readonly Stopwatch _since = new();
    private int _drawn;

    public void Report(ScanProgress value)
    {
        if (value.Read != 1 && value.Read != value.Total && _since.IsRunning && _since.Elapsed < Interval)
        {
            return;
        }

        var text = clean($"reading {value.Read:N0}/{value.Total:N0} files: {value.Folder}").Replace('\n', ' ');
        text = text.Length > Width ? "..." + text[^(Width - 3)..] : text;
        error.Write("\r" + text.PadRight(_drawn));
        error.Flush();
        _drawn = text.Length;
        _since.Restart();
    }

    public void Dispose()
    {
        if (_drawn > 0)
        {
            error.Write("\r" + new string(' ', _drawn) + "\r");
            error.Flush();
            _drawn = 0;
        }
    }
}
