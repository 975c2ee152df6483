using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// The configuration sections .NET options classes are bound to across the files of a scan
/// (<see cref="OptionsBinding"/>: <c>Configure&lt;T&gt;(config.GetSection("X"))</c> in Program.cs), for code in another
/// file that reads <c>T</c>'s property as a URL (<see cref="SettingsFileJoin"/>). A section named by a constant of
/// another class (<c>GetSection(LlmSettings.SectionName)</c>) takes that class's constant where one file declares it
/// with one value. Two projects of a checkout may each have an <c>OpenAiOptions</c>: a use takes the bindings nearest
/// to it in the folder tree, never another project's where its own binds the class.
/// </summary>
internal sealed class OptionsSections
{
    private readonly Dictionary<string, List<(string Section, SourceLocation At)>> _byType = new(StringComparer.Ordinal);

    public OptionsSections(IReadOnlyList<StackModel> models)
    {
        var constants = models.SelectMany(m => m.CodeClients.ClassConstants)
            .GroupBy(c => $"{c.Type}.{c.Name}", StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var binding in models.SelectMany(m => m.CodeClients.OptionsBindings).Distinct())
        {
            var section = binding.Section ?? (binding.SectionConstant is { } constant && constants.TryGetValue(constant, out var value) ? value : null);
            if (section is null)
            {
                continue; // named by a constant no file of the scan declares once: unknown, not guessed
            }

            if (!_byType.TryGetValue(binding.Type, out var list))
            {
                _byType[binding.Type] = list = [];
            }

            list.Add((section, binding.At));
        }
    }

    /// <summary>The sections <paramref name="type"/> is bound to, for a use in <paramref name="file"/>: the bindings nearest to it.</summary>
    public IReadOnlyList<(string Section, SourceLocation At)> For(string type, string file)
    {
        if (!_byType.TryGetValue(type, out var all))
        {
            return [];
        }

        var nearest = all.Max(b => SharedFolders(b.At.File, file));
        return all.Where(b => SharedFolders(b.At.File, file) == nearest).OrderBy(b => b.At).ToList();
    }

    private static int SharedFolders(string a, string b)
    {
        var left = a.Split('/');
        var right = b.Split('/');
        var shared = 0;
        while (shared < left.Length - 1 && shared < right.Length - 1 && left[shared] == right[shared])
        {
            shared++;
        }

        return shared;
    }
}
