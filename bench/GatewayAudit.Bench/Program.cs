using GatewayAudit.Bench;

return BenchRunner.Run(args);
