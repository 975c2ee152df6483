using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// The environment a deployment file gives the LiteLLM proxy container (compose <c>environment:</c>, Kubernetes
/// <c>env:</c>, Helm <c>envVars:</c>). Literal secrets become redacted ledger entries; <c>DATABASE_URL</c> becomes the
/// proxy's Postgres component, classified by host like config.yaml's database_url; <c>REDIS_HOST</c> is noted.
/// </summary>
public sealed class ProxyEnvironment(ConfigValues values, StackModel model, GatewayDeployment deployment)
{
    private readonly List<(string Name, YamlScalar? Value, string Path)> _entries = [];

    /// <summary>Services running beside the proxy in the same file (compose service name → what it is), for notes.</summary>
    public Dictionary<string, string> Neighbours { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds one variable; a null value means it is passed through from elsewhere (a reference).</summary>
    public void Add(string name, YamlScalar? value, string path) => _entries.Add((name, value, path));

    /// <summary>Reads a compose-style environment: a mapping NAME: value, or a list of "NAME=value" / "NAME".</summary>
    public void AddCompose(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMapping map:
                foreach (var (key, value) in map.Entries)
                {
                    if (value is YamlScalar scalar)
                    {
                        Add(key.Value, scalar.IsNull ? null : scalar, $"{path}.{key.Value}");
                    }
                    else
                    {
                        values.Error("wrong-type", $"'{path}.{key.Value}' must be a single value, not {value.KindText}", value);
                    }
                }

                break;
            case YamlSequence list:
                foreach (var item in list.Items)
                {
                    if (item is not YamlScalar line)
                    {
                        values.Error("wrong-type", $"'{path}' items must be NAME=value, not {item.KindText}", item);
                        continue;
                    }

                    var equals = line.Value.IndexOf('=', StringComparison.Ordinal);
                    var name = (equals < 0 ? line.Value : line.Value[..equals]).Trim();
                    var value = equals < 0 ? null : new YamlScalar(line.Line, line.Column, line.Value[(equals + 1)..], line.Quoted, null);
                    Add(name, value, $"{path}.{name}");
                }

                break;
            case YamlScalar { IsNull: true }:
                break;
            default:
                values.Error("wrong-type", $"'{path}' must be a mapping or a list of NAME=value, not {node.KindText}", node);
                break;
        }
    }

    /// <summary>Checks every variable and records what the proxy's environment wires.</summary>
    public void Apply()
    {
        (YamlScalar Node, string Path)? databaseUrl = null;
        bool? storeModelInDb = null;
        foreach (var (name, value, path) in _entries)
        {
            if (value is null)
            {
                continue;
            }

            // LANGFUSE_PUBLIC_KEY and the like are meant to be seen; every other *_KEY is treated as a credential, judged
            // like config.yaml's (OPENAI_API_KEY: EMPTY is a placeholder, LITELLM_MASTER_KEY: sk-1234 well known).
            // DATABASE_URL is checked below with the redacted URL kept for the host, so each password is recorded once.
            if (name != "DATABASE_URL")
            {
                EnvironmentSecrets.Check(values, name, value, path);
            }

            switch (name)
            {
                case "DATABASE_URL":
                    databaseUrl = (value, path);
                    break;
                case "STORE_MODEL_IN_DB":
                    storeModelInDb = value.Value.Trim().ToLowerInvariant() is "true" or "1" or "yes";
                    break;
                case "REDIS_HOST":
                    NoteRedis(value);
                    break;
            }
        }

        if (databaseUrl is not null)
        {
            AddDatabase(databaseUrl.Value.Node, databaseUrl.Value.Path, storeModelInDb);
        }
    }

    private void AddDatabase(YamlScalar node, string path, bool? storeModelInDb)
    {
        var at = values.At(node);
        var text = node.Value.Trim();
        var redacted = ConfigValues.IsReference(text) ? null : values.CheckUrlPassword(path, node, text);
        var db = LiteLlmDatastores.AddPostgres(model, at);
        HostClassifier.Classify(db, redacted, "Postgres");
        LiteLlmDatastores.ConnectPostgres(model, LiteLlmDatastores.PostgresCategories, at);
        db.Notes.Add($"DATABASE_URL is set in the proxy's environment ({at}).");
        if (db.Attributes["host"] is string host && Neighbours.TryGetValue(host, out var what))
        {
            db.Notes.Add($"Runs as '{host}' ({what}) in the same deployment file as the proxy: operator-hosted beside it.");
        }

        if (storeModelInDb == true)
        {
            db.Attributes.Set("storeModelInDb", true);
            db.Notes.Add("STORE_MODEL_IN_DB is on: model deployments and their provider credentials are stored in the database.");
        }
    }

    private void NoteRedis(YamlScalar node)
    {
        var at = values.At(node);
        var gateway = deployment.Gateway(at);
        gateway.Evidence.Add(at);
        var host = ConfigValues.IsReference(node.Value) ? null : HostClassifier.HostOf(node.Value);
        if (host is null)
        {
            gateway.Notes.Add($"REDIS_HOST is set from the environment ({at}); where that Redis runs is not in the inputs.");
        }
        else if (Neighbours.TryGetValue(host, out var what))
        {
            gateway.Notes.Add($"REDIS_HOST points at '{host}' ({what}) in the same deployment file ({at}): operator-hosted beside the proxy.");
        }
        else
        {
            gateway.Notes.Add($"REDIS_HOST is '{host}' ({at}), {(HostClassifier.IsOperatorNetwork(host) ? "on the operator's network" : "a public host")}.");
        }
    }
}
