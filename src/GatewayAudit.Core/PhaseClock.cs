using System.Diagnostics;

namespace GatewayAudit.Core;

/// <summary>
/// Where a run's time and memory go, phase by phase: with <c>GATEWAY_AUDIT_PHASES=1</c> the CLI writes one line per
/// phase to stderr: the process's CPU time so far and since the phase before (runtime start-up included, so the first
/// line is what the runtime cost before our code ran), then the wall time, allocations and collections since the phase
/// before and the peak RSS. On a shared machine the CPU time is the steadier figure. A measuring aid for
/// bench/STARTUP.md and bench/SCALE.md; without the variable it writes nothing.
/// </summary>
public static class PhaseClock
{
    public const string Variable = "GATEWAY_AUDIT_PHASES";

    private static readonly Stopwatch Wall = Stopwatch.StartNew();
    private static TimeSpan _last;
    private static long _lastWallTicks;
    private static long _lastAllocated;
    private static int _lastGen0;
    private static int _lastGen2;
    private static TimeSpan _lastPause;

    /// <summary>Where phase lines go; null, the default, writes none.</summary>
    public static TextWriter? Sink { get; set; }

    /// <summary>Ends a phase. Phase names are fixed words of ours, never input data.</summary>
    public static void Mark(string phase)
    {
        if (Sink is not { } sink)
        {
            return;
        }

        var cpu = Environment.CpuUsage.TotalTime;
        var (wallTicks, allocated, gen0, gen2) = (Wall.ElapsedTicks, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        using var process = Process.GetCurrentProcess();
        sink.WriteLine($"phase {phase,-16} cpu {cpu.TotalMilliseconds,6:F0} ms  +{(cpu - _last).TotalMilliseconds,4:F0} ms"
            + $"  wall +{(wallTicks - _lastWallTicks) * 1000.0 / Stopwatch.Frequency:F0} ms, +{(allocated - _lastAllocated) / 1048576.0:F0} MiB allocated,"
            + $" +{gen0 - _lastGen0} gen0 +{gen2 - _lastGen2} gen2 (paused +{(pause - _lastPause).TotalMilliseconds:F0} ms), heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, peak RSS {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
        (_last, _lastWallTicks, _lastAllocated, _lastGen0, _lastGen2, _lastPause) = (cpu, wallTicks, allocated, gen0, gen2, pause);
    }
}
