using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Follows a LiteLLM config's <c>include:</c> (a file or a list of files, relative to the including file) and merges
/// the included files the way LiteLLM's proxy does (proxy_server.py, _process_includes): a list under a key both
/// files have is extended (model_list), any other key is set from the included file. Nodes keep their own file and
/// line. A missing file or a cycle is an error at the include line.
/// </summary>
public static class ConfigIncludes
{
    /// <summary>The include paths a config names, resolved to full paths, with the node that names each.</summary>
    public static List<(string FullPath, YamlScalar Node)> Named(InputFile file)
    {
        var named = new List<(string, YamlScalar)>();

        // A key spelled "include" needs those letters in the text, or a backslash escape in a quoted key: a config with
        // neither includes nothing and is not parsed here, so a scan of 10,000 configs never holds all their trees
        // at once (each is parsed when its stack is read, and freed after).
        if (!file.Text.Contains("include", StringComparison.Ordinal) && !file.Text.Contains('\\', StringComparison.Ordinal))
        {
            return named;
        }

        if (file.Yaml.Document?.Root is not YamlMapping root || root["include"] is not { } include)
        {
            return named;
        }

        var folder = Path.GetDirectoryName(file.FullPath) ?? "";
        var items = include switch
        {
            YamlSequence list => list.Items.OfType<YamlScalar>(),
            YamlScalar { IsNull: false } one => [one],
            _ => [],
        };
        foreach (var item in items)
        {
            named.Add((Path.GetFullPath(item.Value.Trim(), folder), item));
        }

        return named;
    }

    /// <summary>
    /// The merged tree of <paramref name="file"/> and everything it includes, and where each included node was read;
    /// null when the config includes nothing. Files read are added to <paramref name="included"/>.
    /// </summary>
    public static (YamlDocument Document, Dictionary<YamlNode, SourceLocation> Elsewhere)? Merge(
        InputFile file, IReadOnlyDictionary<string, InputFile> scanned, List<InputFile> included, List<Diagnostic> diagnostics)
    {
        if (file.Yaml.Document is not { Root: YamlMapping root } document || Named(file).Count == 0)
        {
            return null;
        }

        var elsewhere = new Dictionary<YamlNode, SourceLocation>(ReferenceEqualityComparer.Instance);
        var merged = Merge(document, root, file, scanned, included, elsewhere, [file.FullPath], diagnostics);
        return (document with { Root = merged }, elsewhere);
    }

    private static YamlMapping Merge(YamlDocument document, YamlMapping root, InputFile file, IReadOnlyDictionary<string, InputFile> scanned,
        List<InputFile> included, Dictionary<YamlNode, SourceLocation> elsewhere, List<string> chain, List<Diagnostic> diagnostics)
    {
        var entries = root.Entries.Where(e => e.Key.Value != "include").ToList();
        foreach (var (path, node) in Named(file))
        {
            var at = document.At(node) is var local && elsewhere.TryGetValue(node, out var moved) ? moved : local;
            if (chain.Contains(path, StringComparer.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error("litellm-include-cycle", $"'include' of {node.Value.Trim()} forms a cycle ({string.Join(" -> ", chain.Select(Path.GetFileName))} -> {Path.GetFileName(path)})", at));
                continue;
            }

            var target = scanned.GetValueOrDefault(path) ?? Load(path, file, diagnostics);
            if (target is null)
            {
                diagnostics.Add(Diagnostic.Error("litellm-include-missing", $"'include' names {node.Value.Trim()}, which does not exist (paths are relative to the including file)", at));
                continue;
            }

            var (child, childDiagnostics) = target.Yaml;
            if (child?.Root is not YamlMapping childRoot)
            {
                diagnostics.AddRange(childDiagnostics);
                if (child is not null)
                {
                    diagnostics.Add(Diagnostic.Error("litellm-include-shape", $"the included file {node.Value.Trim()} must be a mapping of config sections", at));
                }

                continue;
            }

            included.Add(target);
            Adopt(child, childRoot, elsewhere);
            var expanded = Merge(child, childRoot, target, scanned, included, elsewhere, [.. chain, path], diagnostics);
            foreach (var (key, value) in expanded.Entries)
            {
                var index = entries.FindIndex(e => e.Key.Value == key.Value);
                if (index >= 0 && entries[index].Value is YamlSequence mine && value is YamlSequence theirs)
                {
                    entries[index] = new(entries[index].Key, new YamlSequence(mine.Line, mine.Column, [.. mine.Items, .. theirs.Items]));
                }
                else if (index >= 0)
                {
                    entries[index] = new(key, value);
                }
                else
                {
                    entries.Add(new(key, value));
                }
            }
        }

        return new YamlMapping(root.Line, root.Column, entries);
    }

    // An included file outside the scanned paths is still read: it is part of the config LiteLLM runs.
    private static InputFile? Load(string path, InputFile including, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetDirectoryName(including.FullPath) ?? "", path);
        var folder = Path.GetDirectoryName(including.DisplayPath.Replace('/', Path.DirectorySeparatorChar)) ?? "";
        var display = Path.GetFullPath(Path.Combine("/", folder, relative)).TrimStart('/').Replace('\\', '/');
        return InputText.Read(path, display, diagnostics) is { } text ? new InputFile(display, path, text, namedExplicitly: false) : null;
    }

    // Every node of an included file keeps its own file and line in evidence.
    private static void Adopt(YamlDocument document, YamlNode root, Dictionary<YamlNode, SourceLocation> elsewhere)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (!elsewhere.TryAdd(node, document.At(node)))
            {
                continue;
            }

            switch (node)
            {
                case YamlMapping mapping:
                    foreach (var (key, value) in mapping.Entries)
                    {
                        elsewhere.TryAdd(key, document.At(key));
                        pending.Push(value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }
}
