using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>Fragments from several files merge by component id without losing facts.</summary>
public sealed class StackModelMergeTests
{
    private static Component Bedrock(string region, string file, params string[] models)
    {
        var c = new Component { Id = "provider:aws-bedrock", Name = "Amazon Bedrock", Role = ComponentRole.ModelProvider, Region = new Sourced<string>(region, new SourceLocation(file, 5)) };
        c.Attributes.Set("models", models);
        c.Attributes.Set("regions", new[] { region });
        c.Attributes.Set("maxDeploymentsPerGroup", 1);
        c.Evidence.Add(new SourceLocation(file, 4));
        return c;
    }

    [Fact]
    public void Facts_few_components_have_are_absent_until_set_and_merge_into_one_without_them()
    {
        var at = new SourceLocation("c.yaml", 3);
        var plain = new Component { Id = "provider:x", Name = "X", Role = ComponentRole.ModelProvider, Region = null, SubProcessorOf = null };
        Assert.Equal((null, null, null, null, 0), (plain.SubProcessorOf, plain.Region, plain.Retention, plain.Zdr, plain.AddressFromEnvironmentAt.Count));

        var rich = new Component { Id = "provider:x", Name = "X", Role = ComponentRole.ModelProvider, SubProcessorOf = "gateway:g" };
        rich.Region = new Sourced<string>("eu", at);
        rich.Retention = new Sourced<Retention>(new Retention("30 days", 30), at);
        rich.Zdr = new Sourced<ZdrStatus>(ZdrStatus.Yes, at);
        rich.AddAddressFromEnvironment([at]);
        plain.MergeFrom(rich);
        Assert.Equal(("gateway:g", "eu", 30.0, ZdrStatus.Yes), (plain.SubProcessorOf, plain.Region!.Value, plain.Retention!.Value.Days, plain.Zdr!.Value));
        Assert.Equal([at], plain.AddressFromEnvironmentAt);

        // Setting a fact back to null clears it; answering the sites takes them off.
        plain.Zdr = null;
        plain.AnswerAddressFromEnvironment([at]);
        Assert.Equal((null, 0, "gateway:g"), (plain.Zdr, plain.AddressFromEnvironmentAt.Count, plain.SubProcessorOf));
    }

    [Fact]
    public void Lists_are_unions_and_conflicting_regions_leave_no_single_region()
    {
        var model = new StackModel();
        model.Add(Bedrock("eu-central-1", "a.yaml", "m1"));
        model.Add(Bedrock("us-east-1", "b.yaml", "m2", "m1"));
        var merged = model.Find("provider:aws-bedrock")!;
        Assert.Equal(new[] { "m1", "m2" }, (string[])merged.Attributes["models"]!);
        Assert.Equal(new[] { "eu-central-1", "us-east-1" }, (string[])merged.Attributes["regions"]!);
        Assert.Null(merged.Region);
        Assert.Equal(new[] { "a.yaml:4", "b.yaml:4" }, merged.Evidence.Select(e => e.ToString()));
    }

    [Fact]
    public void Adding_who_a_known_component_is_fills_only_what_it_lacks_as_a_merge_would()
    {
        var model = new StackModel();
        var first = model.Add("provider:x", "X as first named", ComponentRole.ModelProvider, Hosting.Unknown);
        var again = model.Add("provider:x", "X named again", ComponentRole.ModelProvider, Hosting.ThirdParty, vendor: "x", subProcessorOf: "gateway:g");
        var third = model.Add("provider:x", "X once more", ComponentRole.ModelProvider, Hosting.OperatorHosted, vendor: "other");

        Assert.Same(first, again);
        Assert.Same(first, third);
        Assert.Equal("X as first named", first.Name);
        Assert.Equal(Hosting.ThirdParty, first.Hosting); // unknown takes the next known; a known one stays
        Assert.Equal("x", first.Vendor);
        Assert.Equal("gateway:g", first.SubProcessorOf);

        var merged = new StackModel();
        merged.Add(new Component { Id = "provider:x", Name = "X as first named", Role = ComponentRole.ModelProvider, Hosting = Hosting.Unknown });
        merged.Add(new Component { Id = "provider:x", Name = "X named again", Role = ComponentRole.ModelProvider, Hosting = Hosting.ThirdParty, Vendor = "x", SubProcessorOf = "gateway:g" });
        merged.Add(new Component { Id = "provider:x", Name = "X once more", Role = ComponentRole.ModelProvider, Hosting = Hosting.OperatorHosted, Vendor = "other" });
        var expected = merged.Find("provider:x")!;
        Assert.Equal((expected.Name, expected.Hosting, expected.Vendor, expected.SubProcessorOf), (first.Name, first.Hosting, first.Vendor, first.SubProcessorOf));
    }

    [Fact]
    public void Same_region_twice_is_kept()
    {
        var model = new StackModel();
        model.Add(Bedrock("eu-central-1", "a.yaml", "m1"));
        model.Add(Bedrock("eu-central-1", "b.yaml", "m1"));
        Assert.Equal("eu-central-1", model.Find("provider:aws-bedrock")!.Region!.Value);
    }

    [Fact]
    public void Flows_merge_categories_and_evidence()
    {
        var model = new StackModel();
        model.Connect("a", "b", [DataCategory.Metadata], new SourceLocation("a.yaml", 1));
        model.Connect("a", "b", [DataCategory.Prompt], new SourceLocation("b.yaml", 2));
        var flow = Assert.Single(model.Flows);
        Assert.Equal(new[] { DataCategory.Prompt, DataCategory.Metadata }, flow.DataCategories);
        Assert.Equal(2, flow.Evidence.Count);
    }

    [Fact]
    public void The_roll_up_of_stacks_sharing_a_party_holds_both_and_leaves_each_stack_as_it_was()
    {
        static StackModel Stack(string region, string file, string model)
        {
            var stack = new StackModel();
            stack.Add(new Component { Id = "app:clients", Name = "Clients", Role = ComponentRole.App });
            stack.Add(Bedrock(region, file, model));
            stack.Connect("app:clients", "provider:aws-bedrock", [DataCategory.Prompt], new SourceLocation(file, 2));
            return stack;
        }

        var (first, second) = (Stack("eu-central-1", "a.yaml", "m1"), Stack("us-east-1", "b.yaml", "m2"));
        var rollUp = new StackModel();
        rollUp.MergeCopiesFrom(first);
        rollUp.MergeCopiesFrom(second);

        var merged = rollUp.Find("provider:aws-bedrock")!;
        Assert.Equal(new[] { "m1", "m2" }, (string[])merged.Attributes["models"]!);
        Assert.Null(merged.Region);
        Assert.Equal(new[] { "a.yaml:4", "b.yaml:4" }, merged.Evidence.Select(e => e.ToString()));
        Assert.Equal(new[] { "a.yaml:2", "b.yaml:2" }, Assert.Single(rollUp.Flows).Evidence.Select(e => e.ToString()));

        foreach (var (stack, file, model, region) in new[] { (first, "a.yaml", "m1", "eu-central-1"), (second, "b.yaml", "m2", "us-east-1") })
        {
            var own = stack.Find("provider:aws-bedrock")!;
            Assert.NotSame(merged, own);
            Assert.Equal(new[] { model }, (string[])own.Attributes["models"]!);
            Assert.Equal(region, own.Region!.Value);
            Assert.Equal(new[] { $"{file}:4" }, own.Evidence.Select(e => e.ToString()));
            Assert.Equal(new[] { $"{file}:2" }, Assert.Single(stack.Flows).Evidence.Select(e => e.ToString()));
        }
    }

    [Fact]
    public void Attribute_bag_rejects_unsupported_types()
    {
        Assert.Throws<ArgumentException>(() => new AttributeBag().Set("x", new object()));
    }
}
