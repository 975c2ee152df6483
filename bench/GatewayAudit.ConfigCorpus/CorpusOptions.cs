namespace GatewayAudit.ConfigCorpus;

/// <summary>The command line.</summary>
public sealed class CorpusOptions
{
    /// <summary>Folder holding one subfolder per deployment id (default /work/corpus).</summary>
    public string Corpus { get; set; } = "/work/corpus";

    /// <summary>The annotation file (default bench/config-corpus/deployments.yaml under the repository root).</summary>
    public string? Annotations { get; set; }

    /// <summary>The built CLI (default src/GatewayAudit.Cli/bin/Release/net10.0/gateway-audit.dll under the repository root).</summary>
    public string? Cli { get; set; }

    /// <summary>Where the Markdown report goes (default bench/CONFIG-CORPUS.md).</summary>
    public string? Out { get; set; }

    /// <summary>Optional folder that receives each scan's JSON (for reading a mismatch by hand).</summary>
    public string? KeepJson { get; set; }

    /// <summary>Only these deployment ids (default: all).</summary>
    public List<string> Only { get; } = [];

    /// <summary>Scans run at the same time.</summary>
    public int Parallelism { get; set; } = 2;

    public static CorpusOptions Parse(string[] args)
    {
        var options = new CorpusOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--corpus": options.Corpus = Next(); break;
                case "--annotations": options.Annotations = Next(); break;
                case "--cli": options.Cli = Next(); break;
                case "--out": options.Out = Next(); break;
                case "--keep-json": options.KeepJson = Next(); break;
                case "--only": options.Only.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                case "--parallel": options.Parallelism = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        return options;
    }
}
