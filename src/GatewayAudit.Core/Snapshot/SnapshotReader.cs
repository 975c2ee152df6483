using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Snapshot;

/// <summary>
/// Reads back what <see cref="SnapshotWriter"/> wrote, in the same order. File names in the snapshot are relative to
/// the built-in folder; <c>shown</c> gives each the display path the YAML loader would have used for it.
/// </summary>
internal sealed class SnapshotReader(BinaryReader input)
{
    public enum ValueTag : byte
    {
        Null,
        Text,
        Texts,
        Bool,
        Whole,
        Number,
    }

    private enum ConditionKind : byte
    {
        Fact,
        All,
        Any,
        Not,
        Reach,
        Flow,
    }

    public static byte ConditionTag(RuleCondition condition) => (byte)(condition switch
    {
        FactCondition => ConditionKind.Fact,
        AllCondition => ConditionKind.All,
        AnyCondition => ConditionKind.Any,
        NotCondition => ConditionKind.Not,
        ReachCondition => ConditionKind.Reach,
        FlowCondition => ConditionKind.Flow,
        _ => throw new InvalidOperationException($"a rule condition of type {condition.GetType().Name} has no snapshot form"),
    });

    public Vendor Vendor(Func<string, string> shown)
    {
        var origin = shown(Text());
        var (id, name, kind) = (Text(), Text(), Text());
        var (hosts, aliases) = (Texts(), Texts());
        var count = input.ReadInt32();
        var facts = new Dictionary<string, VendorFact>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            facts.Add(Text(), Fact());
        }

        return new Vendor { Id = id, Name = name, Kind = kind, Hosts = hosts, Aliases = aliases, Facts = facts, Origin = origin };
    }

    private VendorFact Fact()
    {
        var (name, values, source, checkedOn, note) = (Text(), Texts(), OptionalText(), Date(), OptionalText());
        var (days, howToEnable, maintainerNote) = (OptionalNumber(), OptionalText(), OptionalText());
        var alternatives = new List<VendorFactAlternative>(input.ReadInt32());
        for (var i = alternatives.Capacity; i > 0; i--)
        {
            alternatives.Add(new VendorFactAlternative(Texts(), new Uri(Text(), UriKind.Absolute), Date()!.Value, OptionalText()));
        }

        return new VendorFact(name, values, source is null ? null : new Uri(source, UriKind.Absolute), checkedOn, note)
        {
            Days = days,
            HowToEnable = howToEnable,
            MaintainerNote = maintainerNote,
            Alternatives = alternatives,
        };
    }

    public PolicyRule Rule(Func<string, string> shown)
    {
        var file = shown(Text());
        var (id, title, severity) = (Text(), Text(), (Severity)input.ReadInt32());
        var (description, message, remediation) = (Text(), Text(), Text());
        var (references, tags, evidenceFiles) = (Texts(), Texts(), Texts());
        var selector = new RuleSelector((SubjectKind)input.ReadInt32(), Filter(), Categories()!, OptionalFilter(), OptionalFilter());
        var when = OptionalCondition(file);
        var tests = new List<RuleTestCase>(input.ReadInt32());
        for (var i = tests.Capacity; i > 0; i--)
        {
            tests.Add(TestCase(file));
        }

        return new PolicyRule
        {
            Id = id,
            Title = title,
            Severity = severity,
            Description = description,
            Message = message,
            Remediation = remediation,
            References = references,
            Tags = tags,
            EvidenceFiles = evidenceFiles,
            Selector = selector,
            When = when,
            Tests = tests,
            Origin = Location(file),
        };
    }

    private ComponentFilter Filter()
    {
        var ids = OptionalTexts();
        var roles = input.ReadBoolean() ? Ints().Select(i => (ComponentRole)i).ToList() : null;
        var vendors = OptionalTexts();
        var hostings = input.ReadBoolean() ? Ints().Select(i => (Hosting)i).ToList() : null;
        var receives = input.ReadBoolean() ? Categories() : null;
        return new ComponentFilter(ids, roles, vendors, hostings, receives);
    }

    private ComponentFilter? OptionalFilter() => input.ReadBoolean() ? Filter() : null;

    private List<DataCategory> Categories() => Ints().Select(i => (DataCategory)i).ToList();

    private RuleCondition? OptionalCondition(string file) => input.ReadBoolean() ? Condition(file) : null;

    private RuleCondition Condition(string file)
    {
        var kind = (ConditionKind)input.ReadByte();
        var at = Location(file);
        switch (kind)
        {
            case ConditionKind.Fact:
                var fact = Text();
                var tests = new List<(string, Operand)>(input.ReadInt32());
                for (var i = tests.Capacity; i > 0; i--)
                {
                    tests.Add((Text(), new Operand(Value(), OptionalText())));
                }

                return new FactCondition(at, fact, tests);
            case ConditionKind.All:
                return new AllCondition(at, Conditions(file));
            case ConditionKind.Any:
                return new AnyCondition(at, Conditions(file));
            case ConditionKind.Not:
                return new NotCondition(at, Condition(file));
            case ConditionKind.Reach:
                return new ReachCondition(at, input.ReadBoolean(), Categories(), OptionalCondition(file));
            case ConditionKind.Flow:
                return new FlowCondition(at, input.ReadBoolean(), Condition(file));
            default:
                throw new InvalidDataException($"unknown condition kind {kind} in the built-in snapshot");
        }
    }

    private List<RuleCondition> Conditions(string file)
    {
        var conditions = new List<RuleCondition>(input.ReadInt32());
        for (var i = conditions.Capacity; i > 0; i--)
        {
            conditions.Add(Condition(file));
        }

        return conditions;
    }

    private RuleTestCase TestCase(string file)
    {
        var (name, config) = (Text(), OptionalText());
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = input.ReadInt32(); i > 0; i--)
        {
            files[Text()] = Text();
        }

        var attributes = new Dictionary<string, IReadOnlyDictionary<string, object>>(StringComparer.Ordinal);
        for (var i = input.ReadInt32(); i > 0; i--)
        {
            var component = Text();
            var bag = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var j = input.ReadInt32(); j > 0; j--)
            {
                bag[Text()] = Value()!;
            }

            attributes[component] = bag;
        }

        PolicySettings? settings = null;
        if (input.ReadBoolean())
        {
            settings = new PolicySettings
            {
                AllowedVendors = OptionalTexts(),
                AllowedRegions = OptionalTexts(),
                MaxRetentionDays = input.ReadDouble(),
                MaxCacheTtlSeconds = input.ReadDouble(),
                RequireZdr = input.ReadBoolean(),
                DeclaredSubprocessors = OptionalTexts(),
            };
        }

        var expectFire = input.ReadBoolean();
        var hasCount = input.ReadBoolean();
        var count = input.ReadInt32();
        return new RuleTestCase
        {
            Name = name,
            Config = config,
            Files = files,
            Attributes = attributes,
            Settings = settings,
            ExpectFire = expectFire,
            Count = hasCount ? count : null,
            Location = Location(file),
        };
    }

    private SourceLocation Location(string file) => new(file, input.ReadInt32(), input.ReadInt32());

    private object? Value() => (ValueTag)input.ReadByte() switch
    {
        ValueTag.Null => null,
        ValueTag.Text => Text(),
        ValueTag.Texts => Texts().ToArray(),
        ValueTag.Bool => input.ReadBoolean(),
        ValueTag.Whole => input.ReadInt64(),
        ValueTag.Number => input.ReadDouble(),
        var tag => throw new InvalidDataException($"unknown value tag {tag} in the built-in snapshot"),
    };

    private string Text() => input.ReadString();

    private string? OptionalText() => input.ReadBoolean() ? input.ReadString() : null;

    private List<string> Texts()
    {
        var texts = new List<string>(input.ReadInt32());
        for (var i = texts.Capacity; i > 0; i--)
        {
            texts.Add(input.ReadString());
        }

        return texts;
    }

    private List<string>? OptionalTexts() => input.ReadBoolean() ? Texts() : null;

    private List<int> Ints()
    {
        var values = new List<int>(input.ReadInt32());
        for (var i = values.Capacity; i > 0; i--)
        {
            values.Add(input.ReadInt32());
        }

        return values;
    }

    private DateOnly? Date() => input.ReadInt32() is var day && day >= 0 ? DateOnly.FromDayNumber(day) : null;

    private double? OptionalNumber()
    {
        var present = input.ReadBoolean();
        var number = input.ReadDouble();
        return present ? number : null;
    }
}
