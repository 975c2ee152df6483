using System.Diagnostics;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// A bench aid (bench/SCALE.md): with <c>GATEWAY_AUDIT_TIMING=1</c> in the environment, each stage of a scan prints
/// to stderr how long it took since the previous mark (wall and process CPU time: on a shared machine the CPU time is the steadier figure), what it allocated and how many collections ran, so a profile
/// of a 10,000-config run needs no profiler. Silent otherwise; never part of a report.
/// </summary>
public static class ScanTiming
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("GATEWAY_AUDIT_TIMING") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static long _lastTicks;
    private static TimeSpan _lastCpu;
    private static long _lastAllocated;
    private static int _lastGen0;
    private static int _lastGen2;

    public static void Mark(string stage)
    {
        if (!Enabled)
        {
            return;
        }

        var (ticks, allocated, gen0, gen2) = (Clock.ElapsedTicks, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2));
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        Console.Error.WriteLine($"timing {stage,-22} {(ticks - _lastTicks) * 1000.0 / Stopwatch.Frequency,8:0} ms wall {(cpu - _lastCpu).TotalMilliseconds,7:0} ms CPU {(allocated - _lastAllocated) / 1048576.0,8:0} MiB allocated {gen0 - _lastGen0,5} gen0 {gen2 - _lastGen2,3} gen2; heap {GC.GetTotalMemory(false) / 1048576.0:0} MiB, peak RSS {process.PeakWorkingSet64 / 1048576.0:0} MiB, since start {Clock.ElapsedMilliseconds} ms");
        (_lastTicks, _lastCpu, _lastAllocated, _lastGen0, _lastGen2) = (ticks, cpu, allocated, gen0, gen2);
    }
}
