using GatewayAudit.ConfigCorpus;

return await CorpusRun.RunAsync(args);
