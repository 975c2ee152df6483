namespace GatewayAudit.Core.Policies;

/// <summary>
/// A rule's <c>when</c> condition compiled once per rule: fact paths cut, operators named, literal <c>matches</c>
/// patterns found and settings read once per run, so that testing a subject is walking the tree and reading facts.
/// It is the one reading of a condition: <see cref="RuleEngine.Holds"/> compiles one for a single test.
/// </summary>
internal abstract class RuleCheck
{
    public abstract bool Holds(RuleSubject subject, PolicyContext context);

    public static RuleCheck Of(RuleCondition? condition) => condition switch
    {
        AllCondition all => new All([.. all.Conditions.Select(Of)], every: true),
        AnyCondition any => new All([.. any.Conditions.Select(Of)], every: false),
        NotCondition not => new Not(Of(not.Condition)),
        FactCondition fact => new Fact(fact),
        ReachCondition reach => new Reach(reach, reach.Where is null ? null : Of(reach.Where)),
        FlowCondition flows => new Flows(flows.Incoming, Of(flows.Where)),

        // A condition of a kind the engine does not know fails when it is tested, as it always did, not when compiled.
        _ => new Unknown(),
    };

    /// <summary><c>all</c> (every) or <c>any</c> (not every): in order, stopping at the first that decides.</summary>
    private sealed class All(RuleCheck[] checks, bool every) : RuleCheck
    {
        public override bool Holds(RuleSubject subject, PolicyContext context)
        {
            foreach (var check in checks)
            {
                if (check.Holds(subject, context) != every)
                {
                    return !every;
                }
            }

            return every;
        }
    }

    private sealed class Not(RuleCheck check) : RuleCheck
    {
        public override bool Holds(RuleSubject subject, PolicyContext context) => !check.Holds(subject, context);
    }

    private sealed class Fact : RuleCheck
    {
        private readonly FactPath _path;
        private readonly Test[] _tests;

        public Fact(FactCondition condition)
        {
            _path = FactPath.Of(condition.Fact);
            _tests = [.. condition.Tests.Select(t => new Test(t.Operator, t.Operand))];
        }

        public override bool Holds(RuleSubject subject, PolicyContext context)
        {
            // The fact is read once for all its operators: reading it again gives the same value.
            var value = _tests.Length > 0 ? subject.Fact(_path, context) : null;
            foreach (var test in _tests)
            {
                var operand = test.Setting is { } setting ? setting.Of(context.Settings) : test.Literal;
                if (!RuleEngine.Test(value, test.Operator, operand, test.Pattern, test.Written))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class Test(string written, Operand operand)
        {
            public string Written { get; } = written;

            public RuleOperator Operator { get; } = RuleEngine.OperatorOf(written);

            public object? Literal { get; } = operand.Literal;

            public SettingRead? Setting { get; } = operand.Setting is { } name ? new SettingRead(name) : null;

            // A literal pattern is known now; a setting's is found from its value at each test.
            public MatchPattern? Pattern { get; } = RuleEngine.OperatorOf(written) == RuleOperator.Matches && operand.Setting is null && operand.Literal is { } literal
                ? MatchPattern.Of(RuleSubject.Format(literal))
                : null;
        }
    }

    private sealed class Reach(ReachCondition reach, RuleCheck? where) : RuleCheck
    {
        public override bool Holds(RuleSubject subject, PolicyContext context) =>
            subject.Component is { } start && RuleEngine.Reaches(start, reach, where, context);
    }

    private sealed class Flows(bool incoming, RuleCheck where) : RuleCheck
    {
        public override bool Holds(RuleSubject subject, PolicyContext context)
        {
            if (subject.Component is not { } c)
            {
                return false;
            }

            var edges = incoming ? context.Graph.FlowsInto(c.Id) : context.Graph.FlowsOutOf(c.Id);
            for (var i = 0; i < edges.Length; i++)
            {
                if (where.Holds(edges[i], context))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class Unknown : RuleCheck
    {
        public override bool Holds(RuleSubject subject, PolicyContext context) => throw new ArgumentOutOfRangeException("condition");
    }
}
