using GatewayAudit.Cli;

return CliApp.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
