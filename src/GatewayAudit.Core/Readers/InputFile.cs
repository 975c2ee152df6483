using GatewayAudit.Core.Model;
using GatewayAudit.Core.Suppressions;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// One file handed to the readers: its display path (relative to the scan's working folder, forward slashes),
/// its text, and its YAML tree parsed at most once whichever readers ask.
/// </summary>
public sealed class InputFile(string displayPath, string fullPath, string text, bool namedExplicitly)
{
    private (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)? _yaml;
    private (IReadOnlyList<YamlDocument>? Documents, IReadOnlyList<Diagnostic> Diagnostics)? _yamlStream;
    private (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)? _json;
    private string? _text = text;
    private (IReadOnlyList<InlineSuppression> Found, IReadOnlyList<Diagnostic> Problems)? _suppressions;

    public string DisplayPath { get; } = displayPath;

    public string FullPath { get; } = fullPath;

    /// <summary>The file's text, until the scan has read it and its suppression comments (<see cref="ReleaseText"/>).</summary>
    public string Text => _text ?? throw new InvalidOperationException($"the text of {DisplayPath} was read after the scan released it");

    /// <summary>True when the user named this file on the command line (so an unrecognised one is worth a warning).</summary>
    public bool NamedExplicitly { get; } = namedExplicitly;

    /// <summary>
    /// The file the text was read from (device and inode of the handle read), so a report is never written over it
    /// whatever path names it, without asking the kernel again per input; null where the read did not tell.
    /// </summary>
    public Scanning.FileId? ReadAs { get; init; }

    /// <summary>
    /// What the walk listed beside this file of the names the stack assembly asks about (compose override files);
    /// null for a file not met by walking its folder (named on the command line, or made by the assembly).
    /// </summary>
    public Scanning.ListedBeside? Beside { get; init; }

    public string Extension => Path.GetExtension(FullPath).ToLowerInvariant();

    /// <summary>
    /// The parse errors of a file this reader could not read, as the scan should take them: a file the user named stays
    /// an error (exit 2); one found while walking a checkout is a warning ending in <paramref name="notRead"/> (what
    /// the report lacks), so one broken file does not stop the inventory of every other.
    /// </summary>
    public IEnumerable<Diagnostic> UnreadBecause(IEnumerable<Diagnostic> problems, string notRead) =>
        problems.Select(d => NamedExplicitly || d.Severity != DiagnosticSeverity.Error ? d : Diagnostic.Warning(d.Code, $"{d.Message}; {notRead}", d.Location));

    public bool LooksLikeYaml => Extension is ".yaml" or ".yml";

    // Plain block YAML by the block reader, the same tree faster; anything it is unsure of by the YAML loader, as before.
    public (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Yaml =>
        _yaml ??= BlockYamlLoader.TryLoad(DisplayPath, Text) is { } document ? (document, []) : new SafeYamlLoader().Load(DisplayPath, Text);

    /// <summary>Every document of a multi-document YAML file (Kubernetes manifests), parsed at most once.</summary>
    public (IReadOnlyList<YamlDocument>? Documents, IReadOnlyList<Diagnostic> Diagnostics) YamlDocuments =>
        _yamlStream ??= BlockYamlLoader.TryLoad(DisplayPath, Text) is { } document ? ([document], []) : new SafeYamlLoader().LoadAll(DisplayPath, Text);

    /// <summary>
    /// A JSON file's tree, parsed at most once (JSON is YAML 1.2). A raw tab cannot appear inside a JSON string, so tabs
    /// are only indentation: spaces keep lines and values.
    /// </summary>
    public (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Json => _json ??= LoadJson(DisplayPath, Text.Replace('\t', ' '));

    // Plain JSON by the JSON reader, the same tree faster; anything it is unsure of by the YAML loader, as before.
    private static (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) LoadJson(string file, string text) =>
        JsonTreeLoader.TryLoad(file, text) is { } document ? (document, []) : new SafeYamlLoader().Load(file, text);

    /// <summary>
    /// Frees the parsed trees once the file's reader is done with them (a scan of 10,000 configs must not hold 10,000
    /// trees to the end); a later use parses again.
    /// </summary>
    public void ReleaseParsed()
    {
        _yaml = null;
        _yamlStream = null;
        _json = null;
    }

    /// <summary>
    /// The file's <c>gateway-audit:ignore</c> comments, parsed once; the problems found in them (malformed comments)
    /// are added to <paramref name="diagnostics"/> at each call, as every stack holding the file reports them.
    /// </summary>
    public IReadOnlyList<InlineSuppression> Suppressions(List<Diagnostic> diagnostics)
    {
        var (found, problems) = _suppressions ??= ParseSuppressions();
        diagnostics.AddRange(problems);
        return found;
    }

    /// <summary>
    /// Drops the text and parsed trees once the readers are done, keeping the suppression comments: a scan of 10,000
    /// configs need not hold every file's text until the report is written (bench/SCALE.md round 4).
    /// </summary>
    public void ReleaseText()
    {
        _suppressions ??= ParseSuppressions();
        _text = null;
        ReleaseParsed();
        Merged = null;
    }

    private (IReadOnlyList<InlineSuppression>, IReadOnlyList<Diagnostic>) ParseSuppressions()
    {
        // Kept per file to the end: most files have no such comment, so none is the shared empty list (two empty lists
        // per file were 24,000 of a 10,000-config scan's live objects, bench/SCALE.md round 15).
        var problems = new List<Diagnostic>();
        var found = InlineSuppression.Parse(DisplayPath, Text, problems);
        return (found.Count == 0 ? Array.Empty<InlineSuppression>() : found, problems.Count == 0 ? Array.Empty<Diagnostic>() : problems);
    }

    /// <summary>The file's own name, without folders ("docker-compose.yaml").</summary>
    public string FileName => Path.GetFileName(FullPath);

    public SourceLocation At(int line, int column = 1) => new(DisplayPath, line, column);

    /// <summary>
    /// The environment the stack assembly found for the process that reads this file (the proxy's compose service,
    /// Kubernetes env, .env files). Empty when the file is read on its own. Only variables with a value are here.
    /// </summary>
    public IReadOnlyDictionary<string, EnvironmentValue> Environment { get; set; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, EnvironmentValue>.Empty;

    /// <summary>
    /// Set by the stack assembly where the files show the whole environment of the process that runs this config (a
    /// compose service with every env_file read, a Kubernetes container without envFrom): a variable not in it is
    /// known to be unset there. Null when the deployment is not known or may set more than the files show.
    /// </summary>
    public ShownProcessEnvironment? ProcessEnvironmentShown { get; set; }

    /// <summary>
    /// The config with its <c>include:</c> files merged in by the stack assembly, and where each included node was
    /// read; null when the file includes nothing (readers then use <see cref="Yaml"/>).
    /// </summary>
    public (YamlDocument Document, IReadOnlyDictionary<YamlNode, SourceLocation> Elsewhere)? Merged { get; set; }
}

/// <summary>
/// The whole environment of the process that runs a config, as the deployment files show it: <paramref name="Process"/>
/// describes it ("compose service 'litellm'") at <paramref name="At"/>, and <paramref name="Variables"/> are the names it
/// is given (with a value or set at deploy time).
/// </summary>
public sealed record ShownProcessEnvironment(string Process, SourceLocation At, IReadOnlySet<string> Variables);

/// <summary>
/// What a reader made of one file: a fragment of the stack, any problems with the input, and (deployment files) the
/// facts the stack assembly joins across files.
/// </summary>
public sealed record ReaderResult(StackModel Fragment, IReadOnlyList<Diagnostic> Diagnostics, SecretLedger Secrets, DeploymentFacts? Deployment = null);

/// <summary>
/// Turns one input format into a <see cref="StackModel"/> fragment with exact source locations. A reader never
/// throws on bad input: it returns diagnostics. Register new readers in <see cref="ReaderRegistry"/>.
/// </summary>
public interface IConfigReader
{
    /// <summary>Short stable name shown in reports ("litellm-config").</summary>
    string Name { get; }

    /// <summary>File endings (".yaml") a folder scan offers this reader.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>
    /// Cheap check on a file name alone ("Dockerfile", "requirements-dev.txt") that a folder scan should offer the
    /// file to this reader. By default, by its ending in <see cref="Extensions"/>; readers of formats known by name
    /// (Dockerfile, requirements.txt) override it.
    /// </summary>
    bool OffersFileName(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when <see cref="OffersFileName"/> depends on the file's ending alone (its letter case aside), as the default
    /// does, so a folder scan asks once per ending instead of once per name (a monorepo's 10,000 source files have
    /// 10,000 names and a handful of endings). A reader that overrides <see cref="OffersFileName"/> to look at the
    /// whole name says false.
    /// </summary>
    bool OffersByEndingAlone => true;

    /// <summary>Cheap check that this reader owns the file. Malformed files it would own still return true.</summary>
    bool Recognizes(InputFile file);

    /// <summary>
    /// Why this reader, which recognises the file, leaves it unread (generated code, test code, a file too large to be
    /// hand-written); null to read it. The scan lists the file as skipped with this reason.
    /// </summary>
    string? Declines(InputFile file) => null;

    ReaderResult Read(InputFile file);
}
