namespace GatewayAudit.Core;

/// <summary>
/// Where a run's CPU time goes, phase by phase: with <c>GATEWAY_AUDIT_PHASES=1</c> the CLI writes one line per phase to
/// stderr, the process's CPU time so far and since the phase before (runtime start-up included, so the first line is
/// what the runtime cost before our code ran). A measuring aid for bench/STARTUP.md; without the variable it writes nothing.
/// </summary>
public static class PhaseClock
{
    public const string Variable = "GATEWAY_AUDIT_PHASES";

    private static TimeSpan _last;

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
        sink.WriteLine($"phase {phase,-16} cpu {cpu.TotalMilliseconds,6:F0} ms  +{(cpu - _last).TotalMilliseconds,4:F0} ms");
        _last = cpu;
    }
}
