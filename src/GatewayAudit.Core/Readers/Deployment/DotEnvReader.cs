using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// A <c>.env</c> file (also <c>.env.example</c>, <c>.env.production</c>, <c>litellm.env</c>): NAME=value lines, as
/// compose reads them for <c>${VAR}</c> and <c>env_file</c>. Its variables are facts for the stack assembly. A literal
/// credential in a real .env is a finding; an example file's values are placeholders, so only a value with a real
/// key's shape (sk-..., AKIA...) counts there.
/// </summary>
public sealed partial class DotEnvReader : IConfigReader
{
    public string Name => "dotenv";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName);

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var diagnostics = new List<Diagnostic>();
        var secrets = new SecretLedger();
        var values = new ConfigValues(new YamlDocument(file.DisplayPath, null), model, diagnostics, secrets);
        var facts = new DeploymentFacts();
        var example = ExampleRegex().IsMatch(file.FileName);
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = LineRegex().Match(lines[i].TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            var raw = match.Groups["value"].Value.Trim();
            var quoted = raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[^1] == raw[0];
            var text = quoted ? raw[1..^1] : CommentRegex().Replace(raw, "");
            var node = new YamlScalar(i + 1, match.Groups["value"].Index + 1, text, quoted, null);
            facts.Variables.Add(new EnvironmentValue(name, node, file.At(i + 1, node.Column), $"{file.DisplayPath}"));
            if (text.Length == 0)
            {
                continue;
            }

            // In an example file only a key of known shape is a key, or one a gateway's own variable names (PORTKEY_API_KEY):
            // those keys have no shape to show them.
            if (ConfigValues.IsSecretKey(name) && (!example || !ReferenceEquals(ConfigValues.Shown(text), text)
                || (SecretValues.UnprefixedKeyVariables.Contains(name) && SecretValues.IsUnprefixedKey(text))))
            {
                values.CheckSecret(name, node, templateFile: example);
            }
            else if (!example)
            {
                values.CheckUrlPassword(name, node, text);
            }
        }

        return new ReaderResult(model, diagnostics, secrets, facts);
    }

    [GeneratedRegex(@"^(\.env([.-][A-Za-z0-9_-]+)*|[A-Za-z0-9_-]+\.env)$")]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"(example|sample|template|dist|defaults?)", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleRegex();

    [GeneratedRegex(@"^\s*(export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*=(?<value>.*)$")]
    private static partial Regex LineRegex();

    // An unquoted value ends at " #" (a trailing comment), as compose and docker read it.
    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex CommentRegex();
}
