using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Snapshot;

/// <summary>
/// Writes vendors and rules, as the YAML loaders built them, in the compact binary form <see cref="SnapshotReader"/>
/// reads back field for field. Run at build time only (tools/BuiltInSnapshot).
/// Hand-written rather than System.Text.Json: rules are a polymorphic condition tree (fact, all, any, not, reach,
/// flow) over untyped operand values (string, string[], bool, long, double) and attribute bags, which would need a
/// custom converter per type anyway, and reading back must add no JSON contract set-up to the start-up it exists to
/// shorten. BuiltInSnapshotTests compares every property read back with what the YAML loaders build.
/// </summary>
internal sealed class SnapshotWriter(BinaryWriter output)
{
    public void Vendor(string file, Vendor vendor)
    {
        Text(file);
        Text(vendor.Id);
        Text(vendor.Name);
        Text(vendor.Kind);
        Texts(vendor.Hosts);
        Texts(vendor.Aliases);
        output.Write(vendor.Facts.Count);
        foreach (var (key, fact) in vendor.Facts)
        {
            Text(key);
            Fact(fact);
        }
    }

    private void Fact(VendorFact fact)
    {
        Text(fact.Name);
        Texts(fact.Values);
        OptionalText(fact.Source?.OriginalString);
        Date(fact.Checked);
        OptionalText(fact.Note);
        OptionalNumber(fact.Days);
        OptionalText(fact.HowToEnable);
        OptionalText(fact.MaintainerNote);
        output.Write(fact.Alternatives.Count);
        foreach (var alternative in fact.Alternatives)
        {
            Texts(alternative.Values);
            Text(alternative.Source.OriginalString);
            Date(alternative.Checked);
            OptionalText(alternative.Note);
        }
    }

    /// <summary>A rule and everything in it; every location in it is in <paramref name="shownFile"/>, which is not stored.</summary>
    public void Rule(string file, string shownFile, PolicyRule rule)
    {
        Text(file);
        Text(rule.Id);
        Text(rule.Title);
        output.Write((int)rule.Severity);
        Text(rule.Description);
        Text(rule.Message);
        Text(rule.Remediation);
        Texts(rule.References);
        Texts(rule.Tags);
        Texts(rule.EvidenceFiles);
        output.Write((int)rule.Selector.Kind);
        Filter(rule.Selector.Filter);
        Enums(rule.Selector.Carries);
        OptionalFilter(rule.Selector.From);
        OptionalFilter(rule.Selector.To);
        OptionalCondition(rule.When, shownFile);
        output.Write(rule.Tests.Count);
        foreach (var test in rule.Tests)
        {
            TestCase(test, shownFile);
        }

        Location(rule.Origin, shownFile);
    }

    private void Filter(ComponentFilter filter)
    {
        OptionalTexts(filter.Ids);
        OptionalEnums(filter.Roles);
        OptionalTexts(filter.Vendors);
        OptionalEnums(filter.Hostings);
        OptionalEnums(filter.Receives);
    }

    private void OptionalFilter(ComponentFilter? filter)
    {
        output.Write(filter is not null);
        if (filter is not null)
        {
            Filter(filter);
        }
    }

    private void OptionalCondition(RuleCondition? condition, string shownFile)
    {
        output.Write(condition is not null);
        if (condition is not null)
        {
            Condition(condition, shownFile);
        }
    }

    private void Condition(RuleCondition condition, string shownFile)
    {
        output.Write((byte)SnapshotReader.ConditionTag(condition));
        Location(condition.Location, shownFile);
        switch (condition)
        {
            case FactCondition fact:
                Text(fact.Fact);
                output.Write(fact.Tests.Count);
                foreach (var (op, operand) in fact.Tests)
                {
                    Text(op);
                    Value(operand.Literal);
                    OptionalText(operand.Setting);
                }

                break;
            case AllCondition all:
                Conditions(all.Conditions, shownFile);
                break;
            case AnyCondition any:
                Conditions(any.Conditions, shownFile);
                break;
            case NotCondition not:
                Condition(not.Condition, shownFile);
                break;
            case ReachCondition reach:
                output.Write(reach.Downstream);
                Enums(reach.Carrying);
                OptionalCondition(reach.Where, shownFile);
                break;
            case FlowCondition flow:
                output.Write(flow.Incoming);
                Condition(flow.Where, shownFile);
                break;
        }
    }

    private void Conditions(IReadOnlyList<RuleCondition> conditions, string shownFile)
    {
        output.Write(conditions.Count);
        foreach (var condition in conditions)
        {
            Condition(condition, shownFile);
        }
    }

    private void TestCase(RuleTestCase test, string shownFile)
    {
        Text(test.Name);
        OptionalText(test.Config);
        output.Write(test.Files.Count);
        foreach (var (name, content) in test.Files)
        {
            Text(name);
            Text(content);
        }

        output.Write(test.Attributes.Count);
        foreach (var (component, bag) in test.Attributes)
        {
            Text(component);
            output.Write(bag.Count);
            foreach (var (name, value) in bag)
            {
                Text(name);
                Value(value);
            }
        }

        output.Write(test.Settings is not null);
        if (test.Settings is { } settings)
        {
            OptionalTexts(settings.AllowedVendors);
            OptionalTexts(settings.AllowedRegions);
            output.Write(settings.MaxRetentionDays);
            output.Write(settings.MaxCacheTtlSeconds);
            output.Write(settings.RequireZdr);
            OptionalTexts(settings.DeclaredSubprocessors);
        }

        output.Write(test.ExpectFire);
        output.Write(test.Count is not null);
        output.Write(test.Count ?? 0);
        Location(test.Location, shownFile);
    }

    private void Location(SourceLocation location, string shownFile)
    {
        if (location.File != shownFile)
        {
            throw new InvalidOperationException($"a location in {shownFile} names another file, {location.File}");
        }

        output.Write(location.Line);
        output.Write(location.Column);
    }

    /// <summary>A rule literal or test attribute: null, text, a list of texts, a boolean, a whole number or a number.</summary>
    private void Value(object? value)
    {
        switch (value)
        {
            case null:
                output.Write((byte)SnapshotReader.ValueTag.Null);
                break;
            case string text:
                output.Write((byte)SnapshotReader.ValueTag.Text);
                Text(text);
                break;
            case string[] texts:
                output.Write((byte)SnapshotReader.ValueTag.Texts);
                Texts(texts);
                break;
            case bool flag:
                output.Write((byte)SnapshotReader.ValueTag.Bool);
                output.Write(flag);
                break;
            case long whole:
                output.Write((byte)SnapshotReader.ValueTag.Whole);
                output.Write(whole);
                break;
            case double number:
                output.Write((byte)SnapshotReader.ValueTag.Number);
                output.Write(number);
                break;
            default:
                throw new InvalidOperationException($"a rule value of type {value.GetType().Name} has no snapshot form");
        }
    }

    private void Text(string text) => output.Write(text);

    private void OptionalText(string? text)
    {
        output.Write(text is not null);
        if (text is not null)
        {
            output.Write(text);
        }
    }

    private void Texts(IReadOnlyList<string> texts)
    {
        output.Write(texts.Count);
        foreach (var text in texts)
        {
            output.Write(text);
        }
    }

    private void OptionalTexts(IReadOnlyList<string>? texts)
    {
        output.Write(texts is not null);
        if (texts is not null)
        {
            Texts(texts);
        }
    }

    private void Enums<T>(IReadOnlyList<T> values)
        where T : struct, Enum
    {
        output.Write(values.Count);
        foreach (var value in values)
        {
            output.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void OptionalEnums<T>(IReadOnlyList<T>? values)
        where T : struct, Enum
    {
        output.Write(values is not null);
        if (values is not null)
        {
            Enums(values);
        }
    }

    private void Date(DateOnly? date) => output.Write(date?.DayNumber ?? -1);

    private void OptionalNumber(double? number)
    {
        output.Write(number is not null);
        output.Write(number ?? 0);
    }
}
