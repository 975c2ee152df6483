using GatewayAudit.Cli;
using GatewayAudit.Core;

// GATEWAY_AUDIT_PHASES=1: CPU time per phase on stderr, for bench/STARTUP.md.
if (Environment.GetEnvironmentVariable(PhaseClock.Variable) == "1")
{
    PhaseClock.Sink = Console.Error;
}

PhaseClock.Mark("runtime");

// Progress lines go to stderr only when a person watches it: not in CI logs, pipes or files.
return CliApp.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), errorIsTerminal: !Console.IsErrorRedirected);
