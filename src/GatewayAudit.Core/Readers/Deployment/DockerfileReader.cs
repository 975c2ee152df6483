using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads a Dockerfile that builds the LiteLLM proxy: the LiteLLM base image of the final stage
/// (<c>FROM ghcr.io/berriai/litellm:TAG</c>, with <c>ARG</c> defaults substituted) or a
/// <c>pip install litellm==X</c> in a <c>RUN</c> line. Its <c>CMD</c> / <c>ENTRYPOINT</c> and <c>ENV</c> are the
/// proxy's command line and environment for the stack assembly; a literal credential in <c>ENV</c> or <c>ARG</c> is
/// baked into the image or its history, and is a literal-secret finding, as is a URL with a password in a <c>RUN</c>
/// line (a package index: <c>pip install --extra-index-url https://user:pass@...</c>).
/// </summary>
public sealed partial class DockerfileReader : IConfigReader
{
    public string Name => "dockerfile";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) =>
        OffersFileName(file.FileName) && (FromLiteLlmRegex().IsMatch(file.Text) || PipLiteLlmRegex().IsMatch(file.Text));

    public ReaderResult Read(InputFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var model = new StackModel();
        var secrets = new SecretLedger();
        var values = new ConfigValues(new YamlDocument(file.DisplayPath, null), model, diagnostics, secrets);
        var process = new ServiceFacts(file.FileName, "Dockerfile", file.At(1)) { RunsProxy = true };
        string? liteLlmImage = null;
        var deployment = new GatewayDeployment(model, Name);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        (ImageReference Image, int Line, string Written)? baseImage = null;
        (PipRequirement Requirement, int Line)? pip = null;
        foreach (var (line, text) in Instructions(file.Text))
        {
            var match = InstructionRegex().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var keyword = match.Groups["keyword"].Value.ToUpperInvariant();
            var rest = match.Groups["rest"].Value.Trim();
            switch (keyword)
            {
                case "ARG":
                    var equals = rest.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        arguments[rest[..equals].Trim()] = rest[(equals + 1)..].Trim().Trim('"', '\'');
                    }

                    ReadVariables(values, file, line, text, keyword, process);
                    break;
                case "ENV":
                    ReadVariables(values, file, line, text, keyword, process);
                    break;
                case "COPY" or "ADD":
                    // Files the image is built with (COPY config.yaml /app/config.yaml): a config the proxy runs, for the stack assembly.
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (!parts.Any(p => p.StartsWith("--from", StringComparison.Ordinal)) && parts.Length >= 2 && !rest.StartsWith('['))
                    {
                        process.Copies.AddRange(parts.Where(p => !p.StartsWith("--", StringComparison.Ordinal)).SkipLast(1).Select(p => (p, file.At(line))));
                    }

                    break;
                case "CMD" or "ENTRYPOINT":
                    process.Command.AddRange(CommandWords(rest).Select(w => (w, file.At(line))));
                    break;
                case "FROM":
                    var imageText = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => !t.StartsWith("--", StringComparison.Ordinal));
                    if (imageText is null)
                    {
                        diagnostics.Add(Diagnostic.Error("dockerfile-from", "FROM names no image", file.At(line)));
                        break;
                    }

                    var substituted = Substitute(imageText, arguments);
                    var image = substituted is null ? null : ImageReference.Parse(substituted);
                    if (image?.IsLiteLlm == true)
                    {
                        baseImage = (image, line, imageText);
                        liteLlmImage = imageText;
                    }
                    else if (substituted is null && imageText.Contains("litellm", StringComparison.OrdinalIgnoreCase))
                    {
                        // The tag comes from a build argument with no default: the file itself does not pin it.
                        var repository = ImageReference.Parse(imageText.Split(':')[0]);
                        if (repository is not null)
                        {
                            baseImage = (repository with { Tag = null }, line, imageText);
                        }
                    }

                    break;
                case "RUN":
                    foreach (var (physical, lineText) in PhysicalLines(file.Text, line))
                    {
                        PackageIndexCredentials.Check(values, physical, lineText, "RUN");
                    }

                    if (PipInstallRegex().IsMatch(rest))
                    {
                        foreach (var token in rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (PipRequirement.Parse(token.Trim('"', '\'')) is { IsLiteLlm: true } requirement)
                            {
                                pip ??= (requirement, LineOf(file.Text, line, token));
                            }
                        }
                    }

                    break;
            }
        }

        if (baseImage is { } from)
        {
            deployment.SetImage(from.Image, file.At(from.Line));
            if (from.Written != from.Image.ToString())
            {
                deployment.Gateway(file.At(from.Line)).Notes.Add($"The base image tag is set by a build argument ({from.Written} at {file.At(from.Line)}).");
            }
        }

        if (pip is { } install)
        {
            deployment.SetVersion(install.Requirement.Version, file.At(install.Line), install.Requirement.Text);
        }

        // The image's CMD/ENTRYPOINT and ENV are the proxy's command line and environment unless compose or a manifest overrides them.
        var facts = new DeploymentFacts();
        if (baseImage is not null || pip is not null)
        {
            process.Image = baseImage is null ? null : liteLlmImage;
            facts.Services.Add(process);
        }

        return new ReaderResult(model, diagnostics, secrets, facts);
    }

    /// <summary>
    /// ENV NAME=value ... / ENV NAME value and ARG NAME=value: each value is part of the image (ENV) or its build
    /// history (ARG), so a literal credential there is a literal secret; ENV values are the proxy's environment.
    /// </summary>
    private static void ReadVariables(ConfigValues values, InputFile file, int line, string text, string keyword, ServiceFacts image)
    {
        foreach (Match pair in VariableRegex().Matches(text[(text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) + keyword.Length)..]))
        {
            var raw = pair.Groups["value"].Value;
            var quoted = raw.Length >= 2 && raw[0] is '"' or '\'' && raw[^1] == raw[0];
            // An instruction may span continued lines: the value is cited on its own line and column.
            var at = LineOf(file.Text, line, pair.Value);
            var column = file.Text.Split('\n')[at - 1].IndexOf(pair.Value, StringComparison.Ordinal) + pair.Groups["value"].Index - pair.Index;
            var node = new YamlScalar(at, Math.Max(column, 0) + 1, quoted ? raw[1..^1] : raw, quoted, null);
            var name = pair.Groups["name"].Value;
            EnvironmentSecrets.Check(values, name, node, $"{keyword} {name}");
            if (keyword == "ENV")
            {
                image.Environment.Add(new EnvironmentValue(name, node, values.At(node), $"{file.DisplayPath} ENV"));
            }
        }
    }

    /// <summary>CMD/ENTRYPOINT words: the exec form's JSON array, or the shell form split on spaces.</summary>
    private static IEnumerable<string> CommandWords(string rest)
    {
        if (rest.StartsWith('['))
        {
            try
            {
                return System.Text.Json.JsonSerializer.Deserialize(rest, Reports.ReportJsonContext.Default.StringArray) ?? [];
            }
            catch (System.Text.Json.JsonException)
            {
                return [];
            }
        }

        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\''));
    }

    /// <summary>Logical instructions with their first line: comments dropped, backslash continuations joined.</summary>
    private static IEnumerable<(int Line, string Text)> Instructions(string text)
    {
        var lines = text.Split('\n');
        var start = 0;
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (current.Length == 0)
            {
                start = i + 1;
            }

            var continued = line.EndsWith('\\');
            current.Append(continued ? line[..^1] : line).Append(' ');
            if (!continued)
            {
                yield return (start, current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return (start, current.ToString());
        }
    }

    /// <summary>The physical lines of the instruction starting at <paramref name="firstLine"/>: it and each continued one.</summary>
    private static IEnumerable<(int Line, string Text)> PhysicalLines(string text, int firstLine)
    {
        var lines = text.Split('\n');
        for (var i = firstLine - 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            yield return (i + 1, line);
            if (!line.EndsWith('\\') && (i == firstLine - 1 || !line.TrimStart().StartsWith('#')))
            {
                yield break;
            }
        }
    }

    /// <summary>The line at or after an instruction's first line that holds a token (instructions span continued lines).</summary>
    private static int LineOf(string text, int firstLine, string token)
    {
        var lines = text.Split('\n');
        for (var i = firstLine - 1; i < lines.Length; i++)
        {
            if (lines[i].Contains(token, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return firstLine;
    }

    /// <summary>$NAME and ${NAME} replaced by ARG defaults; null when one has no default (set only at build time).</summary>
    private static string? Substitute(string text, Dictionary<string, string> arguments)
    {
        var unresolved = false;
        var result = ArgumentRegex().Replace(text, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value;
            if (arguments.TryGetValue(name, out var value))
            {
                return value;
            }

            unresolved = true;
            return m.Value;
        });
        return unresolved ? null : result;
    }

    [GeneratedRegex(@"^(Dockerfile|Containerfile)(\.[A-Za-z0-9_.-]+)?$|^[A-Za-z0-9_.-]+\.(Dockerfile|Containerfile)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^\s*FROM\s+(--\S+\s+)*\S*litellm", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FromLiteLlmRegex();

    // pip install ... litellm, also on a continued line (RUN pip install \ ⏎ litellm==...).
    [GeneratedRegex(@"\bpip3?\s+install\b(?:[^\n]|\\\r?\n)*?\blitellm\b", RegexOptions.IgnoreCase)]
    private static partial Regex PipLiteLlmRegex();

    [GeneratedRegex(@"\bpip3?\s+install\b", RegexOptions.IgnoreCase)]
    private static partial Regex PipInstallRegex();

    [GeneratedRegex(@"^\s*(?<keyword>[A-Za-z]+)\s+(?<rest>.*)$")]
    private static partial Regex InstructionRegex();

    // NAME=value pairs (value quoted or up to white space), or the legacy single "NAME value" form.
    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|'[^']*'|\S+)|^\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?<value>[^=\s].*?)\s*$")]
    private static partial Regex VariableRegex();

    [GeneratedRegex(@"\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ArgumentRegex();
}
