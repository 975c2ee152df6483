using GatewayAudit.AnalyzerCorpus;

return await CorpusRunner.RunAsync(args);
