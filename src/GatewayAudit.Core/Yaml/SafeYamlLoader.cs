using GatewayAudit.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// Loads untrusted YAML into <see cref="YamlNode"/> trees without the ways YAML can hurt a scanner:
/// nesting is bounded before any recursion (YamlDotNet's representation model recurses and a deep file would
/// overflow the stack, which .NET cannot catch), aliases share nodes instead of copying them, merge keys are
/// resolved once, and the total number of nodes reachable through aliases and merges is bounded so an alias
/// bomb ("billion laughs") is refused with a message instead of eating memory. Errors are values with line and
/// column; messages never quote scalar values.
/// </summary>
public sealed class SafeYamlLoader
{
    public const int DefaultMaxDepth = 64;
    public const long DefaultMaxExpandedNodes = 200_000;

    /// <summary>
    /// How many times its own node count a document may grow through aliases and merges once past
    /// <see cref="MaxExpandedNodes"/>. A big config without aliases (40,000 deployments) expands by ~1x and loads;
    /// an alias bomb expands by orders of magnitude and is refused.
    /// </summary>
    public const long MaxExpansionRatio = 10;

    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Bound on nodes as a reader would see them with aliases expanded.</summary>
    public long MaxExpandedNodes { get; init; } = DefaultMaxExpandedNodes;

    public (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string file, string text)
    {
        var (documents, diagnostics) = Parse(file, text, single: true);
        return (documents is null ? null : documents.Count == 0 ? new YamlDocument(file, null) : documents[0], diagnostics);
    }

    /// <summary>
    /// Loads every document of a multi-document stream (Kubernetes manifests separate objects with <c>---</c>).
    /// The same depth, alias and node limits apply to each document, and the expanded node bound also applies to
    /// the file as a whole. Anchors do not cross documents, as YAML says. Empty documents are left out.
    /// </summary>
    public (IReadOnlyList<YamlDocument>? Documents, IReadOnlyList<Diagnostic> Diagnostics) LoadAll(string file, string text) =>
        Parse(file, text, single: false);

    private (IReadOnlyList<YamlDocument>? Documents, IReadOnlyList<Diagnostic> Diagnostics) Parse(string file, string text, bool single)
    {
        var diagnostics = new List<Diagnostic>();
        var builder = new Builder(file, this, diagnostics);
        try
        {
            var roots = builder.Build(new Parser(new StringReader(text)), single);
            return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
                ? (null, diagnostics)
                : (roots.Select(root => new YamlDocument(file, root)).ToList(), diagnostics);
        }
        catch (YamlLimitException e)
        {
            diagnostics.Add(Diagnostic.Error(e.Code, e.Message, new SourceLocation(file, e.Line, e.Column)));
            return (null, diagnostics);
        }
        catch (YamlException e)
        {
            // Start is where the construct began; End is where the parser noticed the problem (a tab, the end of file).
            var noticed = e.End.Line > e.Start.Line ? $" (noticed at line {e.End.Line})" : "";
            diagnostics.Add(Diagnostic.Error("yaml-syntax", "malformed YAML: " + Describe(e) + noticed,
                new SourceLocation(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column))));
            return (null, diagnostics);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unclosed flow list before a plain
            // scalar, for one) instead of a YamlException. The input is at fault, not the scan: say where it stopped.
            diagnostics.Add(Diagnostic.Error("yaml-syntax", "malformed YAML: the parser could not continue after this point (an unclosed [ or {, or a stray character?)",
                new SourceLocation(file, builder.LastLine, builder.LastColumn)));
            return (null, diagnostics);
        }
    }

    // YamlDotNet messages describe structure ("did not find expected key"), not content; the inner-most message is
    // the useful one. Anything after a colon that could echo text is dropped to be safe.
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            message = message[(marker + 3)..];
        }

        return message.Trim().TrimEnd('.');
    }

    private sealed class YamlLimitException(string code, string message, long line, long column) : Exception(message)
    {
        public string Code { get; } = code;

        public int Line { get; } = (int)Math.Max(1, line);

        public int Column { get; } = (int)Math.Max(1, column);
    }

    private sealed class Builder(string file, SafeYamlLoader limits, List<Diagnostic> diagnostics)
    {
        // A node's weight travels with it up the tree as it is built; only anchored nodes keep theirs, for their aliases
        // (a map of every node's weight was a dictionary insert per scalar: bench/SCALE.md round 8).
        private readonly Dictionary<string, (YamlNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);

        private long _fileWeight;
        private long _created;

        /// <summary>Where the last event read started (1-based), for errors the parser raises without a position.</summary>
        public int LastLine { get; private set; } = 1;

        public int LastColumn { get; private set; } = 1;

        /// <summary>The roots of the stream's documents; with single, a second document is an error.</summary>
        public List<YamlNode?> Build(IParser parser, bool single)
        {
            var roots = new List<YamlNode?>();
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                if (single && roots.Count == 1)
                {
                    var next = parser.Current!;
                    throw new YamlLimitException("yaml-multiple-documents",
                        "more than one YAML document in this file; gateway configs are a single document", next.Start.Line, next.Start.Column);
                }

                parser.Consume<DocumentStart>();
                _anchors.Clear();
                var (root, rootWeight) = parser.Accept<DocumentEnd>(out _) ? (null, 0) : ReadNode(parser, 1);
                if (root is YamlScalar { IsNull: true, Value: "", Tag: null })
                {
                    // "---" alone: an empty document, as PyYAML reads it.
                    root = null;
                }

                parser.Consume<DocumentEnd>();
                if (root is not null)
                {
                    _fileWeight = AddWeight(_fileWeight, rootWeight, root);
                }

                // An empty document between two "---" reads as an empty plain scalar: nothing to hand to a reader.
                if (single || root is not (null or YamlScalar { IsNull: true }))
                {
                    roots.Add(root);
                }
            }

            return roots;
        }

        private (YamlNode Node, long Weight) ReadNode(IParser parser, int depth)
        {
            var current = parser.Current ?? throw new YamlException("unexpected end of input");
            LastLine = (int)Math.Max(1, current.Start.Line);
            LastColumn = (int)Math.Max(1, current.Start.Column);
            if (depth > limits.MaxDepth)
            {
                throw new YamlLimitException("yaml-too-deep",
                    $"nesting is deeper than {limits.MaxDepth} levels; refusing to read further", current.Start.Line, current.Start.Column);
            }

            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                    {
                        throw new YamlLimitException("yaml-unknown-alias", "a value beginning with * is an alias, and this one refers to no earlier anchor (quote the value if it is text; it is not shown here: it may be a secret)",
                            alias.Start.Line, alias.Start.Column);
                    }

                    return anchored;
                case Scalar scalar:
                    parser.MoveNext();
                    var node = new YamlScalar((int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Value,
                        scalar.Style is not ScalarStyle.Plain, scalar.Tag.IsEmpty ? null : scalar.Tag.Value);
                    return Remember(scalar.Anchor, node, 1);
                case SequenceStart start:
                    {
                        parser.MoveNext();
                        var items = new List<YamlNode>();
                        long weight = 1;
                        while (!parser.Accept<SequenceEnd>(out _))
                        {
                            var (item, itemWeight) = ReadNode(parser, depth + 1);
                            weight = AddWeight(weight, itemWeight, item);
                            items.Add(item);
                        }

                        parser.MoveNext();
                        return Remember(start.Anchor, new YamlSequence((int)start.Start.Line, (int)start.Start.Column, items), weight);
                    }

                case MappingStart start:
                    return ReadMapping(parser, start, depth);
                default:
                    throw new YamlLimitException("yaml-syntax", "unexpected YAML structure", current.Start.Line, current.Start.Column);
            }
        }

        private (YamlNode Node, long Weight) ReadMapping(IParser parser, MappingStart start, int depth)
        {
            parser.MoveNext();
            var explicitEntries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            List<KeyValuePair<YamlScalar, YamlNode>>? merged = null;
            HashSet<string>? seen = null;
            long weight = 1;
            while (!parser.Accept<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                var (keyNode, _) = ReadNode(parser, depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    throw new YamlLimitException("yaml-complex-key", "a mapping key must be a single value, not " + keyNode.KindText,
                        keyEvent.Start.Line, keyEvent.Start.Column);
                }

                var (value, valueWeight) = ReadNode(parser, depth + 1);
                weight = AddWeight(weight, valueWeight + 1, value);
                if (key.Value == "<<" && !key.Quoted)
                {
                    AddMerge(merged ??= [], value, key);
                    continue;
                }

                if (Seen(explicitEntries, ref seen, key.Value))
                {
                    diagnostics.Add(Diagnostic.Warning("yaml-duplicate-key",
                        $"key '{Readers.ConfigValues.Shown(key.Value)}' appears more than once in this mapping; the last one is used",
                        new SourceLocation(file, key.Line, key.Column)));
                }

                explicitEntries.Add(new(key, value));
            }

            parser.MoveNext();

            // Explicit keys win over merged ones; earlier merge sources win over later ones (YAML merge semantics).
            var entries = explicitEntries;
            if (merged is not null)
            {
                entries = new List<KeyValuePair<YamlScalar, YamlNode>>(explicitEntries);
                seen ??= KeysOf(explicitEntries);
                foreach (var entry in merged)
                {
                    if (seen.Add(entry.Key.Value))
                    {
                        entries.Add(entry);
                    }
                }
            }

            return Remember(start.Anchor, new YamlMapping((int)start.Start.Line, (int)start.Start.Column, entries), weight);
        }

        /// <summary>Mappings at most this long look a key up among the earlier ones; longer ones keep a set of keys.</summary>
        private const int ScannedKeys = 8;

        /// <summary>Whether an earlier explicit entry has this key: a scan of the few entries of a small mapping (most of
        /// them), a set once the mapping is longer than <see cref="ScannedKeys"/>. The key is recorded in the set when there is one.</summary>
        private static bool Seen(List<KeyValuePair<YamlScalar, YamlNode>> earlier, ref HashSet<string>? seen, string key)
        {
            if (seen is null && earlier.Count >= ScannedKeys)
            {
                seen = KeysOf(earlier);
            }

            if (seen is not null)
            {
                return !seen.Add(key);
            }

            foreach (var entry in earlier)
            {
                if (entry.Key.Value == key)
                {
                    return true;
                }
            }

            return false;
        }

        private static HashSet<string> KeysOf(List<KeyValuePair<YamlScalar, YamlNode>> entries)
        {
            var keys = new HashSet<string>(entries.Count, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                keys.Add(entry.Key.Value);
            }

            return keys;
        }

        private static void AddMerge(List<KeyValuePair<YamlScalar, YamlNode>> merged, YamlNode source, YamlScalar key)
        {
            switch (source)
            {
                case YamlMapping mapping:
                    merged.AddRange(mapping.Entries);
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is not YamlMapping m)
                        {
                            throw new YamlLimitException("yaml-bad-merge", "a merge key (<<) list may only hold mappings", item.Line, item.Column);
                        }

                        merged.AddRange(m.Entries);
                    }

                    break;
                default:
                    throw new YamlLimitException("yaml-bad-merge", "a merge key (<<) needs a mapping or a list of mappings", key.Line, key.Column);
            }
        }

        // The weight of a node is how many nodes a reader walks through it with every alias expanded. Sharing keeps
        // memory linear, but a naive walk is exponential, so the bound is on this figure.
        private long AddWeight(long total, long add, YamlNode at)
        {
            var sum = total + add;
            if (sum > limits.MaxExpandedNodes && sum > MaxExpansionRatio * _created)
            {
                throw new YamlLimitException("yaml-alias-bomb",
                    $"aliases and merges expand to more than {limits.MaxExpandedNodes:N0} nodes; refusing to read (a YAML alias bomb?)",
                    at.Line, at.Column);
            }

            return sum;
        }

        private (YamlNode Node, long Weight) Remember(AnchorName anchor, YamlNode node, long weight)
        {
            _created++;
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, weight);
            }

            return (node, weight);
        }
    }
}
