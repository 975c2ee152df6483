using System.Runtime;
using GatewayAudit.Cli;
using GatewayAudit.Core;

// A command runs to its end with nobody waiting on a pause, so the GC makes its full collections in the pauses it
// makes anyway, not as background collections beside the scan (a second thread marking and sweeping, the scan's writes
// tracked for it): CPU -6 % at 1,000 configs and -2 % at 10,000 in the Native AOT build, -5 % at 1,000 in the JIT one
// (bench/SCALE.md round 19). Set here, not in the runtime configuration: turning concurrent collection off at start
// also gives the youngest generation a larger budget, which costs more than it saves (same section).
GCSettings.LatencyMode = GCLatencyMode.Batch;

// GATEWAY_AUDIT_PHASES=1: CPU time per phase on stderr, for bench/STARTUP.md.
if (Environment.GetEnvironmentVariable(PhaseClock.Variable) == "1")
{
    PhaseClock.Sink = Console.Error;
}

PhaseClock.Mark("runtime");

// Progress lines go to stderr only when a person watches it: not in CI logs, pipes or files.
return CliApp.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), errorIsTerminal: !Console.IsErrorRedirected);
