using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GatewayAudit.ConfigCorpus;

/// <summary>bench/config-corpus/deployments.yaml: the parties a reviewer lists for each deployment.</summary>
public sealed class AnnotationFile
{
    public List<Deployment> Deployments { get; set; } = [];

    public static AnnotationFile Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        using var reader = File.OpenText(path);
        return deserializer.Deserialize<AnnotationFile>(reader) ?? new AnnotationFile();
    }
}

public sealed class Deployment
{
    public string Id { get; set; } = "";

    public string Repo { get; set; } = "";

    public string Commit { get; set; } = "";

    public List<string> Paths { get; set; } = [];

    public List<ExpectedParty> Parties { get; set; } = [];

    /// <summary>Judgement of literal-secret findings, keyed "path:line" relative to the deployment folder.</summary>
    public Dictionary<string, SecretJudgement> Secrets { get; set; } = [];
}

public sealed class ExpectedParty
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string Vendor { get; set; } = "unknown";

    public string Hosting { get; set; } = "unknown";

    public string? Region { get; set; }

    public bool Optional { get; set; }

    /// <summary>Scan component-id globs (<c>*</c> wildcard) that are this party.</summary>
    public List<string> Match { get; set; } = [];

    public string Why { get; set; } = "";
}

public sealed class SecretJudgement
{
    public bool Real { get; set; }

    public string Why { get; set; } = "";
}
