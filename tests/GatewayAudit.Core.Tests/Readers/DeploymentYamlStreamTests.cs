using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>SafeYamlLoader.LoadAll, which the Kubernetes reader needs for multi-document manifests.</summary>
public sealed class DeploymentYamlStreamTests
{
    [Fact]
    public void LoadAll_returns_every_non_empty_document_with_its_own_lines()
    {
        var (documents, diagnostics) = new SafeYamlLoader().LoadAll("k8s.yaml", "---\nkind: A\n---\n---\nkind: B\nspec: {x: 1}\n");

        Assert.Empty(diagnostics);
        Assert.NotNull(documents);
        var kinds = documents.Select(d => $"{((YamlScalar)((YamlMapping)d.Root!)["kind"]!).Value}:{d.Root!.Line}").ToList();
        Assert.Equal(["A:2", "B:5"], kinds);
    }

    [Fact]
    public void Load_still_refuses_a_second_document()
    {
        var (document, diagnostics) = new SafeYamlLoader().Load("config.yaml", "a: 1\n---\nb: 2\n");

        Assert.Null(document);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("yaml-multiple-documents", 2), (error.Code, error.Location.Line));
    }

    [Fact]
    public void Load_of_an_empty_file_is_a_document_without_root()
    {
        var (document, diagnostics) = new SafeYamlLoader().Load("config.yaml", "");

        Assert.Empty(diagnostics);
        Assert.NotNull(document);
        Assert.Null(document.Root);
    }

    [Fact]
    public void Anchors_do_not_cross_documents()
    {
        var (documents, diagnostics) = new SafeYamlLoader().LoadAll("k8s.yaml", "a: &x 1\n---\nb: *x\n");

        Assert.Null(documents);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("yaml-unknown-alias", 3), (error.Code, error.Location.Line));
    }

    [Fact]
    public void The_node_bound_applies_to_the_whole_stream_as_well_as_each_document()
    {
        // Each document expands ~1,200 nodes through aliases from ~17 written ones: under the bound alone, over it
        // together. (The bound is on alias expansion: a large stream without aliases is not refused, see
        // SafeYamlLoaderTests.Large_document_without_aliases_is_not_mistaken_for_a_bomb.)
        var loader = new SafeYamlLoader { MaxExpandedNodes = 2_000 };
        var document = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        var text = string.Join("---\n", Enumerable.Repeat(document, 3));

        Assert.NotNull(loader.LoadAll("one.yaml", document).Documents);
        var (documents, diagnostics) = loader.LoadAll("many.yaml", text);

        Assert.Null(documents);
        Assert.Equal("yaml-alias-bomb", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void An_alias_bomb_in_a_later_document_is_refused_with_its_line()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";

        var (documents, diagnostics) = new SafeYamlLoader().LoadAll("k8s.yaml", "kind: Service\n---\n" + bomb);

        Assert.Null(documents);
        var error = Assert.Single(diagnostics);
        Assert.Equal("yaml-alias-bomb", error.Code);
        Assert.True(error.Location.Line >= 3);
    }

    [Fact]
    public void Depth_limit_applies_in_every_document()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 80)) + string.Concat(Enumerable.Repeat("]", 80));

        var (documents, diagnostics) = new SafeYamlLoader().LoadAll("k8s.yaml", "a: 1\n---\n" + deep + "\n");

        Assert.Null(documents);
        Assert.Equal(("yaml-too-deep", 3), (Assert.Single(diagnostics).Code, diagnostics[0].Location.Line));
    }
}
