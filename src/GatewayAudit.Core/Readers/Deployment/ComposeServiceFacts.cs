using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// What a compose service says about itself for the stack assembly: its names on the network, environment (mapping
/// or NAME=value list, values as written, ${VAR:-default} left for the assembly to interpolate), env_file, bind-mount
/// sources and command line. Shape errors are reported by the compose reader; here a wrong shape is passed over.
/// </summary>
internal static class ComposeServiceFacts
{
    public static ServiceFacts Read(ConfigValues values, string fileName, YamlScalar key, YamlMapping service, ImageReference? image)
    {
        var facts = new ServiceFacts(key.Value, "compose service", values.At(key)) { Image = image?.ToString(), RunsProxy = image?.IsLiteLlm == true };
        foreach (var alias in (ReadOnlySpan<string>)["container_name", "hostname"])
        {
            if (service[alias] is YamlScalar { IsNull: false } name)
            {
                facts.Aliases.Add(name.Value.Trim());
            }
        }

        if (service["networks"] is YamlMapping networks)
        {
            foreach (var (_, network) in networks.Entries)
            {
                if (network is YamlMapping settings && settings["aliases"] is YamlSequence aliases)
                {
                    facts.Aliases.AddRange(aliases.Items.OfType<YamlScalar>().Select(a => a.Value.Trim()));
                }
            }
        }

        ReadEnvironment(values, $"{fileName} services.{key.Value}.environment", service["environment"], facts);
        foreach (var item in Items(service["env_file"]))
        {
            var file = item is YamlMapping { } longSyntax ? longSyntax["path"] as YamlScalar : item as YamlScalar;
            if (file is { IsNull: false })
            {
                facts.EnvFiles.Add((file.Value.Trim(), values.At(file)));
            }
        }

        foreach (var item in Items(service["volumes"]))
        {
            // Short syntax "./config.yaml:/app/config.yaml:ro"; long syntax {type: bind, source: ..., target: ...}.
            var source = item switch
            {
                YamlScalar s when !s.IsNull => (s.Value.Split(':')[0], s),
                YamlMapping m when m["source"] is YamlScalar s => (s.Value, s),
                _ => default,
            };
            if (source.Item2 is not null)
            {
                facts.Mounts.Add((source.Item1.Trim(), values.At(source.Item2)));
            }
        }

        // build: ./backend, or build: {context: ./backend} (Compose Build Specification, docs.docker.com/reference/compose-file/build/):
        // the code under that folder is what the service runs, so its environment is that code's environment.
        var context = service["build"] switch
        {
            YamlScalar { IsNull: false } folder => folder,
            YamlMapping build when build["context"] is YamlScalar { IsNull: false } folder => folder,
            _ => null,
        };
        if (context is not null)
        {
            facts.BuildContext = (context.Value.Trim(), values.At(context));
        }

        switch (service["models"])
        {
            case YamlSequence keys:
                facts.Models.AddRange(keys.Items.OfType<YamlScalar>().Where(k => !k.IsNull)
                    .Select(k => new ComposeModelBinding(k.Value.Trim(), EndpointVariableOf(k.Value.Trim()), values.At(k))));
                break;
            case YamlMapping bindings:
                foreach (var (model, binding) in bindings.Entries)
                {
                    var endpoint = (binding as YamlMapping)?["endpoint_var"] as YamlScalar;
                    facts.Models.Add(new ComposeModelBinding(model.Value, endpoint is { IsNull: false } ? endpoint.Value.Trim() : EndpointVariableOf(model.Value),
                        values.At(endpoint is { IsNull: false } ? endpoint : model)));
                }

                break;
        }

        switch (service["command"])
        {
            case YamlScalar { IsNull: false } line:
                foreach (var word in line.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    facts.Command.Add((word.Trim('"', '\''), values.At(line)));
                }

                break;
            case YamlSequence words:
                facts.Command.AddRange(words.Items.OfType<YamlScalar>().Select(w => (w.Value.Trim(), values.At(w))));
                break;
        }

        facts.RecogniseProxyProcess();
        return facts;
    }

    /// <summary>The variable a model's endpoint is given in when the service names no endpoint_var: the key upper-cased, '-' as '_', then _URL.</summary>
    private static string EndpointVariableOf(string key) => key.ToUpperInvariant().Replace('-', '_') + "_URL";

    /// <summary>A mapping NAME: value or a list of NAME=value (compose environment, Helm envVars).</summary>
    internal static void ReadEnvironment(ConfigValues values, string origin, YamlNode? node, ServiceFacts facts)
    {
        foreach (var (name, value, written) in Variables(node))
        {
            facts.Environment.Add(new EnvironmentValue(name, value, values.At(written), origin));
        }
    }

    /// <summary>
    /// The variables of a mapping NAME: value or a list of NAME=value (compose <c>environment</c> and <c>build.args</c>):
    /// each name, its value, and the node it was written as.
    /// </summary>
    internal static IEnumerable<(string Name, YamlScalar Value, YamlScalar Written)> Variables(YamlNode? node)
    {
        switch (node)
        {
            case YamlMapping map:
                foreach (var (name, value) in map.Entries)
                {
                    if (value is YamlScalar { IsNull: false } scalar)
                    {
                        yield return (name.Value, scalar, scalar);
                    }
                }

                break;
            case YamlSequence list:
                foreach (var line in list.Items.OfType<YamlScalar>())
                {
                    var equals = line.Value.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        yield return (line.Value[..equals].Trim(), new YamlScalar(line.Line, line.Column, line.Value[(equals + 1)..], line.Quoted, null), line);
                    }
                }

                break;
        }
    }

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node switch
    {
        YamlSequence list => list.Items,
        YamlScalar { IsNull: false } one => [one],
        _ => [],
    };
}
