using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads the LiteLLM proxy dependency (<c>litellm[proxy]</c>) of a <c>pyproject.toml</c>: PEP 621 <c>[project] dependencies</c> and
/// <c>optional-dependencies</c>, PEP 735 <c>[dependency-groups]</c>, and Poetry's <c>[tool.poetry.dependencies]</c>
/// (where a bare "1.74.3" means exactly that version and ^ / ~ / * are ranges). Uses Tomlyn's syntax tree, which
/// keeps each value's line, rather than its object model. Plain <c>litellm</c> is the SDK the application imports, not
/// the proxy (<see cref="PipRequirement.IsLiteLlmProxy"/>); Poetry's form needs <c>extras = ["proxy"]</c>. A plain
/// <c>litellm</c> is kept as a package pin, which versions the proxy only where a proxy config lies beside the file
/// (Stacks/LiteLlmPackagePin). Also reads a Pipenv <c>Pipfile</c> (TOML): <c>[packages]</c> / <c>[dev-packages]</c>
/// <c>litellm = "==1.74.3"</c> or <c>{ version = "...", extras = ["proxy"] }</c>, where <c>"*"</c> is any version
/// (pipenv docs, "Specifying Versions of a Package", read 2026-11-30).
/// </summary>
public sealed partial class PyprojectReader : IConfigReader
{
    public string Name => "pyproject";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => fileName.Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase) || fileName == "Pipfile";

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName) && (LiteLlmRegex().IsMatch(file.Text) || PlainLiteLlmRegex().IsMatch(file.Text));

    public ReaderResult Read(InputFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var model = new StackModel();
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(file.Text, file.DisplayPath, true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Error("toml-syntax", "malformed TOML: the parser gave up on this file", file.At(1)));
            return new ReaderResult(model, diagnostics, new SecretLedger());
        }

        if (document.HasErrors)
        {
            // Tomlyn's messages quote the offending token, which could be a secret: only the position is reported.
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            diagnostics.Add(Diagnostic.Error("toml-syntax", "malformed TOML: unexpected token",
                file.At(first.Span.Start.Line + 1, first.Span.Start.Column + 1)));
            return new ReaderResult(model, diagnostics, new SecretLedger());
        }

        var pipfile = file.FileName == "Pipfile";
        var deployment = new GatewayDeployment(model, pipfile ? "pipfile" : Name);
        var facts = new DeploymentFacts();
        foreach (var (path, entry) in Entries(document))
        {
            if (pipfile)
            {
                if (path is "packages.litellm" or "dev-packages.litellm")
                {
                    var (version, proxy) = (VersionOf(entry), PoetryProxyExtra(entry));
                    var written = version?.Value?.Trim() ?? "";
                    var requirement = new PipRequirement("litellm", proxy ? "[proxy]" : "", written == "*" ? "" : written, $"litellm = \"{written}\"");
                    if (proxy)
                    {
                        deployment.SetVersion(requirement.Version, At(file, (SyntaxNode?)version ?? entry), requirement.Text);
                    }
                    else
                    {
                        facts.LiteLlmPackages.Add((requirement, At(file, (SyntaxNode?)version ?? entry)));
                    }
                }

                continue;
            }

            if (path == "project.dependencies" || path.StartsWith("project.optional-dependencies.", StringComparison.Ordinal)
                || path.StartsWith("dependency-groups.", StringComparison.Ordinal))
            {
                if (entry.Value is not ArraySyntax list)
                {
                    continue;
                }

                foreach (var item in list.Items)
                {
                    if (item.Value is StringValueSyntax text && PipRequirement.Parse(text.Value ?? "") is { IsLiteLlm: true } requirement)
                    {
                        if (requirement.IsLiteLlmProxy)
                        {
                            deployment.SetVersion(requirement.Version, At(file, item.Value), requirement.Text);
                        }
                        else
                        {
                            facts.LiteLlmPackages.Add((requirement, At(file, item.Value)));
                        }
                    }
                }
            }
            else if (PoetryRegex().IsMatch(path))
            {
                var version = VersionOf(entry);
                var written = version?.Value?.Trim() ?? "";
                var specifier = written.Length > 0 && char.IsAsciiDigit(written[0]) ? "==" + written : written == "*" ? "" : written;
                if (PoetryProxyExtra(entry))
                {
                    deployment.SetVersion(LiteLlmVersion.FromPipSpecifier(specifier), At(file, (SyntaxNode?)version ?? entry), $"litellm = \"{written}\"");
                }
                else
                {
                    facts.LiteLlmPackages.Add((new PipRequirement("litellm", "", specifier, $"litellm = \"{written}\""), At(file, (SyntaxNode?)version ?? entry)));
                }
            }
        }

        return new ReaderResult(model, diagnostics, new SecretLedger(), facts.LiteLlmPackages.Count > 0 ? facts : null);
    }

    /// <summary>The version string of <c>litellm = "1.74.3"</c> or <c>litellm = { version = "1.74.3", ... }</c>.</summary>
    private static StringValueSyntax? VersionOf(KeyValueSyntax entry) => entry.Value switch
    {
        StringValueSyntax text => text,
        InlineTableSyntax table => table.Items.Select(i => i.KeyValue).FirstOrDefault(kv => KeyText(kv?.Key) == "version")?.Value as StringValueSyntax,
        _ => null,
    };

    /// <summary>Poetry's <c>litellm = { version = "...", extras = ["proxy"] }</c>; a bare version string is the SDK alone.</summary>
    private static bool PoetryProxyExtra(KeyValueSyntax entry) =>
        entry.Value is InlineTableSyntax table && table.Items.Select(i => i.KeyValue).FirstOrDefault(kv => KeyText(kv?.Key) == "extras")?.Value is ArraySyntax extras
        && extras.Items.Any(i => i.Value is StringValueSyntax { Value: { } extra } && PipRequirement.HasProxyExtra(extra));

    /// <summary>Every key/value with its full dotted path, root keys first, then each [table]'s.</summary>
    private static IEnumerable<(string Path, KeyValueSyntax Entry)> Entries(DocumentSyntax document)
    {
        foreach (var entry in document.KeyValues)
        {
            yield return (KeyText(entry.Key), entry);
        }

        foreach (var table in document.Tables)
        {
            if (table is not TableSyntax)
            {
                continue;
            }

            var prefix = KeyText(table.Name);
            foreach (var entry in table.Items)
            {
                yield return ($"{prefix}.{KeyText(entry.Key)}", entry);
            }
        }
    }

    private static string KeyText(KeySyntax? key)
    {
        if (key is null)
        {
            return "";
        }

        var parts = new List<string> { Part(key.Key) };
        foreach (DottedKeyItemSyntax dotted in key.DotKeys)
        {
            parts.Add(Part(dotted.Key));
        }

        return string.Join('.', parts);
    }

    private static string Part(BareKeyOrStringValueSyntax? part) => part switch
    {
        StringValueSyntax text => text.Value ?? "",
        null => "",
        _ => part.ToString()?.Trim() ?? "",
    };

    private static SourceLocation At(InputFile file, SyntaxNode node) => file.At(node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    [GeneratedRegex(@"^tool\.poetry(\.group\.[^.]+)?\.(dev-)?dependencies\.litellm$")]
    private static partial Regex PoetryRegex();

    [GeneratedRegex(@"[""']litellm\s*\[[^\]]*\bproxy\b[^\]]*\]|^\s*litellm\s*=.*\bproxy\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex LiteLlmRegex();

    // "litellm==1.74.3" or "litellm" in a dependency array (not name = "litellm"), or litellm = "..." as a Poetry or Pipfile key.
    [GeneratedRegex(@"(?<!=\s*)[""']litellm\s*([=<>!~@;]|[""'])|^\s*litellm\s*=", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PlainLiteLlmRegex();
}
