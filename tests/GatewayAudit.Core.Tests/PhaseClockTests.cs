namespace GatewayAudit.Core.Tests;

/// <summary>The phase clock behind GATEWAY_AUDIT_PHASES=1 (bench/STARTUP.md): one line per phase with CPU time, nothing without a sink.</summary>
public sealed class PhaseClockTests
{
    [Fact]
    public void A_phase_line_names_the_phase_and_its_cpu_time()
    {
        var sink = new StringWriter();
        PhaseClock.Sink = sink;
        try
        {
            PhaseClock.Mark("catalog");
        }
        finally
        {
            PhaseClock.Sink = null;
        }

        Assert.Matches(@"(?m)^phase catalog +cpu +\d+ ms  \+ *\d+ ms  wall \+\d+ ms, \+\d+ MiB allocated, \+\d+ gen0 \+\d+ gen2 \(paused \+\d+ ms\), heap \d+ MiB, peak RSS \d+ MiB$", sink.ToString());
    }
}
