using GatewayAudit.Cli;

// Progress lines go to stderr only when a person watches it: not in CI logs, pipes or files.
return CliApp.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), errorIsTerminal: !Console.IsErrorRedirected);
