using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// One section reader of a LiteLLM config (models and routing, callbacks, storage, alerting, guardrails, general
/// wiring). Sections share one <see cref="LiteLlmRead"/>: the file's values, the fragment being built and the
/// proxy component, so a change to one section of the config touches one class.
/// </summary>
internal abstract class LiteLlmSection(LiteLlmRead read)
{
    protected LiteLlmRead State { get; } = read;

    protected ConfigValues Values => State.Values;

    protected StackModel Model => State.Model;

    protected YamlMapping Root => State.Root;

    protected YamlMapping LiteLlm => State.LiteLlm;

    protected YamlMapping General => State.General;

    protected YamlMapping Router => State.Router;

    protected Component Gateway => State.Gateway;

    /// <summary>Model group name → the component its prompts go to first (for fallbacks across providers).</summary>
    protected Dictionary<string, (string ComponentId, string? Vendor)> Groups => State.Groups;

    public abstract void Read();

    protected void AddToList(Component component, string key, string value) => State.AddToList(component.Attributes, key, value);

    protected void AddToList(Flow flow, string key, string value) => State.AddToList(flow.Attributes, key, value);

    protected IReadOnlyCollection<string> ListOf(Component component, string key) => State.ListOf(component.Attributes, key);

    /// <summary>Sets a fact read from a setting; the setting's line is its origin when the setting is written.</summary>
    protected void SetRead(Component component, string attribute, object value, YamlMapping section, string key)
    {
        if (section.KeyNode(key) is { } node)
        {
            component.Attributes.Set(attribute, value, Values.At(node));
        }
        else
        {
            component.Attributes.Set(attribute, value);
        }
    }

    protected void Evidence(Component component, YamlMapping section, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (section.KeyNode(key) is { } node)
            {
                component.Evidence.Add(Values.At(node));
            }
        }
    }

    /// <summary>
    /// A hook or guardrail that runs inside the proxy process is no party of its own: it is recorded on the proxy
    /// (attribute inProcessHooks, a note, the line) and sends the request nowhere else.
    /// </summary>
    protected void NoteInProcess(string name, string what, YamlScalar at)
    {
        AddToList(Gateway, "inProcessHooks", name);
        Gateway.Evidence.Add(Values.At(at));
        Gateway.Notes.Add($"Runs inside the proxy process, not a separate party: {what}.");
    }

    /// <summary>
    /// The operator's own Python code named as module.instance (a custom callback, guardrail, provider handler or
    /// secret manager): it runs in the proxy, so the operator hosts it, and where it sends what it receives is an
    /// open question only its code answers. The caller connects the flow.
    /// </summary>
    protected Component AddOperatorCode(string reference, string what, YamlScalar at)
    {
        var code = Model.Add(new Component
        {
            Id = $"operator-code:{reference}",
            Name = $"{what} {reference} (operator code)",
            Role = ComponentRole.OperatorCode,
            Hosting = Hosting.OperatorHosted,
            Evidence = { Values.At(at) },
            Notes = { "The operator's own Python code, loaded into the proxy: where it sends what it receives is decided by its code, not by the config." },
        });
        Model.OpenQuestions.Add(new OpenQuestion(code.Name,
            "Where does this code send the data it receives, and how long is it kept there? Its code decides; the config does not show it.", Values.At(at)));
        return code;
    }

    /// <summary>The first of the named variables the stack's environment sets to a literal value.</summary>
    protected YamlScalar? EnvironmentValue(IEnumerable<string> names) =>
        names.Select(n => Values.Environment.GetValueOrDefault(n)).FirstOrDefault(v => v is not null && !ConfigValues.IsReference(v.Value));

    protected static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>Bucket name, region and an S3-compatible endpoint of a logging or cache bucket.</summary>
    protected void ReadBucket(Component component, YamlMapping parameters, string path, string bucketKey, string regionKey, string endpointKey)
    {
        if (Values.TextUnder(parameters, bucketKey, path, "text (a bucket name, or os.environ/NAME)") is { } bucket && Values.Resolve(bucket).Value is { } name)
        {
            component.Attributes.Set("bucket", name);
            component.Evidence.Add(Values.At(bucket));
        }

        if (Values.TextUnder(parameters, regionKey, path, "text (a region name, or os.environ/NAME)") is { } region && Values.Resolve(region).Value is { } regionText)
        {
            component.Region = new Sourced<string>(regionText, Values.At(region));
        }

        if (Values.TextUnder(parameters, endpointKey, path, "text (a URL, or os.environ/NAME)") is { } endpoint && HostClassifier.HostOf(Values.Resolve(endpoint).Value) is { } host)
        {
            // An S3-compatible endpoint (MinIO, R2 ...) means the bucket is not on AWS.
            component.Vendor = null;
            component.Attributes.Set("host", host);
            component.Hosting = HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown;
            component.Name = $"S3-compatible storage at {host}";
        }
    }
}
