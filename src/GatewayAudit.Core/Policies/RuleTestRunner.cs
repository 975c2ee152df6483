using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Stacks;

namespace GatewayAudit.Core.Policies;

/// <summary>The outcome of one rule test case.</summary>
public sealed record RuleTestResult(PolicyRule Rule, RuleTestCase Case, bool Passed, int Fired, string Detail);

/// <summary>
/// Runs rules' own test cases, like <c>conftest verify</c>: each case's files are read in memory by the same
/// readers a scan uses, the catalog is applied, the case's attributes are set, and the rule must fire (with the
/// expected count) or stay silent. An input the readers reject fails the case with the reason.
/// </summary>
public sealed class RuleTestRunner(IReadOnlyList<IConfigReader> readers, VendorCatalog catalog, PolicySettings defaults)
{
    public IEnumerable<RuleTestResult> Run(PolicyRule rule) => rule.Tests.Select(c => Run(rule, c));

    public RuleTestResult Run(PolicyRule rule, RuleTestCase testCase)
    {
        var (model, problems) = BuildModel(testCase);
        if (problems.Count > 0)
        {
            return new RuleTestResult(rule, testCase, false, 0, "the case's input is not read cleanly: " + string.Join("; ", problems.Select(p => p.ToString())));
        }

        var settings = testCase.Settings ?? defaults;
        var timedOut = new List<Diagnostic>();
        var fired = PolicyFindings.EvaluateOrReport(rule, new PolicyContext(model, catalog, settings), timedOut);
        if (timedOut.Count > 0)
        {
            return new RuleTestResult(rule, testCase, false, 0, timedOut[0].Message);
        }

        var subjects = string.Join(", ", fired.Select(f => f.Subject));
        if (testCase.ExpectFire)
        {
            if (fired.Count == 0)
            {
                return new RuleTestResult(rule, testCase, false, 0, "expected the rule to fire; it did not");
            }

            if (testCase.Count is { } count && count != fired.Count)
            {
                return new RuleTestResult(rule, testCase, false, fired.Count, $"expected {count} finding(s), got {fired.Count} ({subjects})");
            }

            return new RuleTestResult(rule, testCase, true, fired.Count, $"fired {fired.Count} ({subjects})");
        }

        return fired.Count == 0
            ? new RuleTestResult(rule, testCase, true, 0, "did not fire")
            : new RuleTestResult(rule, testCase, false, fired.Count, $"expected no finding, got {fired.Count} ({subjects})");
    }

    private (StackModel Model, List<Diagnostic> Problems) BuildModel(RuleTestCase testCase)
    {
        var model = new StackModel();
        var problems = new List<Diagnostic>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (testCase.Config is not null)
        {
            files["config.yaml"] = testCase.Config;
        }

        foreach (var (name, text) in testCase.Files)
        {
            files[name] = text;
        }

        var composed = new List<DeploymentFacts>();
        foreach (var (name, text) in files)
        {
            var file = new InputFile(name, Path.Combine("/rule-test", name), text, namedExplicitly: true);
            var reader = readers.FirstOrDefault(r => r.Recognizes(file));
            if (reader is null)
            {
                // A deployment file no reader knows yet is not an error: the case may set its facts through 'attributes'.
                continue;
            }

            var result = reader.Read(file);
            problems.AddRange(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            model.MergeFrom(result.Fragment);
            if (result.Deployment is { Services.Count: > 0 } deployment)
            {
                composed.Add(deployment);
            }
        }

        // Every file the case names counts for where projects begin (a pom.xml or package.json no reader takes).
        GatewayBypass.Apply([model], ProjectScope.InMemory(files.Keys.Select(n => (n, Path.Combine("/rule-test", n))), composed));
        CatalogEnrichment.Apply(model, catalog);
        foreach (var (id, attributes) in testCase.Attributes)
        {
            if (model.Find(id) is not { } component)
            {
                problems.Add(Diagnostic.Error("policy-test", $"'attributes' names component '{id}', which the case's input does not contain", testCase.Location));
                continue;
            }

            foreach (var (name, value) in attributes)
            {
                component.Attributes.Set(name, value);
            }
        }

        return (model, problems);
    }
}
