using System.Text;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Snapshot;

namespace GatewayAudit.Core.Tests.Snapshot;

/// <summary>
/// The build-time snapshot of the built-in catalog and rule pack: it reads back exactly what parsing the YAML gives,
/// and a folder whose files changed after the build is read from its YAML, never answered from the snapshot.
/// </summary>
public sealed class BuiltInSnapshotTests
{
    private static readonly string Policies = RepoPaths.Combine("policies");

    private static string CatalogSchema => Path.Combine(Policies, "schema", "catalog.schema.json");

    private static string RuleSchema => Path.Combine(Policies, "schema", "rule.schema.json");

    // Not the identity, so the test shows each origin is made from the folder and the caller's display, as the YAML loader makes it.
    private static string Shown(string path) => "shown:" + Path.GetFileName(path);

    private static byte[] Write(string policies) => BuiltInSnapshot.Write(
        Path.Combine(policies, "catalog"), CatalogSchema, Path.Combine(policies, "rules"), RuleSchema);

    [Fact]
    public void Shipped_catalog_from_the_snapshot_equals_the_catalog_parsed_from_yaml()
    {
        var folder = Path.Combine(Policies, "catalog");
        var (parsed, diagnostics) = VendorCatalog.Load([folder], CatalogSchema, Shown);
        Assert.Empty(diagnostics);

        var snapshot = BuiltInSnapshot.Vendors(Write(Policies), folder, Shown);

        Assert.NotNull(snapshot);
        Assert.True(snapshot.Count >= 100, $"only {snapshot.Count} vendors");
        Assert.Null(DeepEquality.FirstDifference(parsed.Vendors.ToList(), snapshot));
    }

    [Fact]
    public void Shipped_rule_pack_from_the_snapshot_equals_the_pack_parsed_from_yaml()
    {
        var folder = Path.Combine(Policies, "rules");
        var (parsed, diagnostics) = PolicyPack.Load([folder], RuleSchema, Shown);
        Assert.Empty(diagnostics);

        var snapshot = BuiltInSnapshot.Rules(Write(Policies), folder, Shown);

        Assert.NotNull(snapshot);
        Assert.True(snapshot.Count >= 20, $"only {snapshot.Count} rules");
        Assert.Contains(snapshot, r => r.Tests.Count > 0 && r.When is not null);
        Assert.Null(DeepEquality.FirstDifference(parsed.Rules, snapshot));
    }

    [Fact]
    public void The_deep_comparison_finds_a_difference_deep_in_a_fact()
    {
        var (catalog, _) = VendorCatalog.Load([Path.Combine(Policies, "catalog")], CatalogSchema, Shown);
        var openai = catalog.Find("openai")!;
        var fact = openai.Fact(Vendor.Country);
        var changed = new Vendor
        {
            Id = openai.Id, Name = openai.Name, Kind = openai.Kind, Hosts = openai.Hosts, Aliases = openai.Aliases, Origin = openai.Origin,
            Facts = openai.Facts.ToDictionary(f => f.Key, f => f.Key == Vendor.Country ? fact with { Values = ["XX"] } : f.Value),
        };

        Assert.Contains(".Facts[", DeepEquality.FirstDifference(openai, changed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_folder_is_served_from_the_snapshot_until_its_files_change()
    {
        using var dir = new TempDir();
        var policies = CopyPolicies(dir.Path);
        var catalogFolder = Path.Combine(policies, "catalog");
        var rulesFolder = Path.Combine(policies, "rules");
        // The copy holds one vendor the shipped folder does not, so its snapshot can never answer for the shipped folder:
        // the snapshot is process-wide, and tests running beside this one load the shipped catalog.
        File.WriteAllText(Path.Combine(catalogFolder, "zz-copy-only.yaml"), File.ReadAllText(Path.Combine(catalogFolder, "openai.yaml"))
            .Replace("id: openai", "id: zz-copy-only", StringComparison.Ordinal));
        // A snapshot that differs from the YAML in one vendor name (same length), so the test sees which one answered.
        var snapshot = RenameOpenAi(Write(policies), "OPENAI");
        BuiltInSnapshot.Use(() => new MemoryStream(snapshot));
        try
        {
            Assert.Equal("OPENAI", LoadTrusted(catalogFolder).Find("openai")!.Name);
            Assert.Equal("OpenAI", LoadTrusted(Path.Combine(Policies, "catalog")).Find("openai")!.Name);
            Assert.Equal(
                PolicyPack.Load([rulesFolder], RuleSchema, Shown).Pack.Rules.Select(r => r.Id),
                PolicyPack.Load([rulesFolder], RuleSchema, Shown, trustedFolder: rulesFolder).Pack.Rules.Select(r => r.Id));

            // A catalog file added after the build: the folder is read from YAML, the new vendor with it.
            File.WriteAllText(Path.Combine(catalogFolder, "zz-added.yaml"), File.ReadAllText(Path.Combine(catalogFolder, "openai.yaml"))
                .Replace("id: openai", "id: zz-added", StringComparison.Ordinal));
            var afterAdd = LoadTrusted(catalogFolder);
            Assert.Equal("OpenAI", afterAdd.Find("openai")!.Name);
            Assert.NotNull(afterAdd.Find("zz-added"));

            // A catalog file removed: YAML again, without it.
            File.Delete(Path.Combine(catalogFolder, "zz-added.yaml"));
            File.Delete(Path.Combine(catalogFolder, "anthropic.yaml"));
            Assert.Null(LoadTrusted(catalogFolder).Find("anthropic"));

            // A rule file changed: its new title comes from the YAML.
            var rule = Directory.EnumerateFiles(rulesFolder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            var id = Path.GetFileNameWithoutExtension(rule);
            File.WriteAllText(rule, RetitleRule(File.ReadAllText(rule)));
            var (pack, diagnostics) = PolicyPack.Load([rulesFolder], RuleSchema, Shown, trustedFolder: rulesFolder);
            Assert.Empty(diagnostics);
            Assert.Equal("Retitled after the build", pack.Find(id)!.Title);
        }
        finally
        {
            BuiltInSnapshot.Use(() => null);
        }
    }

    [Fact]
    public void Policies_with_any_diagnostic_are_refused_at_build()
    {
        using var dir = new TempDir();
        var policies = CopyPolicies(dir.Path);
        File.WriteAllText(Path.Combine(policies, "catalog", "broken.yaml"), "id: broken\nname: Broken\n");

        var error = Assert.Throws<InvalidDataException>(() => Write(policies));

        Assert.Contains("broken.yaml", error.Message, StringComparison.Ordinal);
    }

    private static VendorCatalog LoadTrusted(string folder)
    {
        var (catalog, diagnostics) = VendorCatalog.Load([folder], CatalogSchema, Shown, trustedFolder: folder);
        Assert.Empty(diagnostics);
        return catalog;
    }

    private static string RetitleRule(string yaml)
    {
        var lines = yaml.Split('\n');
        var title = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
        Assert.True(title >= 0, "a rule file without a top-level title");
        lines[title] = "title: Retitled after the build";
        return string.Join('\n', lines);
    }

    private static string CopyPolicies(string root)
    {
        var policies = Path.Combine(root, "policies");
        foreach (var file in Directory.EnumerateFiles(Policies, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(policies, Path.GetRelativePath(Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return policies;
    }

    /// <summary>The snapshot with OpenAI's name replaced by another of the same length.</summary>
    private static byte[] RenameOpenAi(byte[] snapshot, string name)
    {
        var from = Encoding.UTF8.GetBytes("OpenAI");
        Assert.Equal(from.Length, name.Length);
        // A vendor's name follows its file name and id: the first length-prefixed "OpenAI" after "openai.yaml".
        var fileAt = snapshot.AsSpan().IndexOf("openai.yaml"u8);
        Assert.True(fileAt > 0);
        var nameAt = fileAt + snapshot.AsSpan(fileAt).IndexOf([(byte)from.Length, .. from]) + 1;
        var copy = (byte[])snapshot.Clone();
        Encoding.UTF8.GetBytes(name).CopyTo(copy, nameAt);
        return copy;
    }
}
