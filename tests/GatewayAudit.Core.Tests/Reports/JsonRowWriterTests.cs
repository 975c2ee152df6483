using System.Text;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// The JSON report's rows written by hand (<see cref="JsonRowWriter"/>) must be byte for byte what the serializer's
/// contract writes: <c>merge</c>, <c>diff</c> and every reader of the report rely on its keys, their order, nulls and
/// escaping. Each report here is written both ways with the same cleaning function and the bytes compared; a key
/// dropped, renamed, reordered or added to a row type on one side only makes them differ.
/// </summary>
public sealed class JsonRowWriterTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    // A secret shape the cleaner removes, a control character it neutralises: the hand-written rows must clean too.
    private static string Clean(string text) => text.Replace("sk-secret", "****", StringComparison.Ordinal).Replace('\u0007', '?');

    // Escaped differently by each way of writing if at all, and text the cleaner changes.
    private static readonly string[] Awkward =
    [
        "", "quote \" and back\\slash", "tab\tline\ncr\r", "<script>&'</script>", "é ü ß 中文", "\u2028\u2029", "\u007f\u0085\u0000",
        "emoji 😀 pair", "lone \ud800 surrogate", "https://hooks.example/x?key=sk-secret", "bell \u0007 here",
    ];

    [Fact]
    public void Every_bundled_example_is_written_as_the_contract_writes_it()
    {
        var examples = Directory.GetDirectories(RepoPaths.Combine("examples")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var audit = Auditor.Default.Run(new AuditOptions { Paths = [$"examples/{example}"], WorkingDirectory = RepoPaths.Root, Today = Today });
            AssertSameBytes(ReportBuilder.Build(audit), example!);
        }
    }

    [Fact]
    public void A_many_stack_report_with_secrets_suppressions_and_odd_text_is_written_as_the_contract_writes_it()
    {
        using var folder = new TemporaryFolder();
        folder.Write("teams/mixed/config.yaml", AnnexTests.MixedStack);
        folder.Write("teams/agent/web/llm.ts", AnnexTests.OpenAiThroughHelicone);
        folder.Write("teams/agent/worker/summarize.py", AnnexTests.OpenAiDirect);
        // A literal key (a finding whose evidence is a secret), suppressed with a reason: the suppression row is written.
        folder.Write("teams/ünïcode team/config.yaml", """
            model_list:
              - model_name: gpt
                litellm_params:
                  # gateway-audit:ignore literal-secret reason="sandbox key, revoked" until=2027-01-31
                  api_key: sk-proj-abcdefghijklmnopqrstuvwxyz123456
                  model: openai/gpt-4o
                  api_base: https://user:sk-secret@llm.example/v1
            """);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["teams"], WorkingDirectory = folder.Path, Today = Today });
        var report = ReportBuilder.Build(audit);
        Assert.True(report.Stacks is { Count: > 2 }, "several stacks");
        Assert.Contains(report.Stacks, s => s.Findings.Any(f => f.Suppression is not null));

        AssertSameBytes(report, "many stacks");
    }

    [Fact]
    public void Every_optional_key_null_set_and_empty_is_written_as_the_contract_writes_it()
    {
        var report = AnnexTests.Build(AnnexTests.MixedStack);
        var findings = Awkward.SelectMany((text, i) => new[]
        {
            new FindingRow($"rule-{i}", "high", text, text, null, null, text, false, null, [], null),
            new FindingRow($"rule-{i}", "low", text, text, text, i, text, true, text, [text, text],
                new SuppressionRow("inline", text, i % 2 == 0 ? null : "2027-01-31", i % 3 == 0, i % 2 == 0 ? null : text, i % 2 == 0 ? null : i),
                Repository: text, Conditional: new ConditionRow(text, "import-only", text, i % 2 == 0 ? null : text, i % 2 == 0 ? null : i, "critical")),
        }).ToList();
        var evidence = Awkward.Select((text, i) => new EvidenceRow(text, i)).ToList();
        var subprocessors = Awkward.Select((text, i) => new SubProcessorRow(text, text, i % 2 == 0 ? null : text, text, "model-provider", i % 2 == 0,
            "third-party", i % 2 == 0 ? [] : [text, "prompt"], text, text, "unknown", text, i % 2 == 0 ? [] : evidence, i % 2 == 0 ? [] : [text],
            i % 2 == 0 ? null : text, i % 2 == 0 ? null : text, i)).ToList();
        var gaps = Awkward.Select((text, i) => new ZdrGapRow(text, text, "no", text, i % 2 == 0 ? [] : evidence, i, i % 2 == 0 ? null : [text, "repo"])).ToList();
        var questions = Awkward.Select((text, i) => new OpenQuestionRow(text, text, i % 2 == 0 ? null : text, i % 2 == 0 ? null : i)).ToList();
        // Every count different, so two counts written in each other's place differ too.
        var summary = new SummarySection(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        var stacks = new List<StackRow>
        {
            new(Awkward[1], Awkward[4], Awkward.Select(a => new StackFileRow(a, a)).ToList(), subprocessors, findings, gaps, questions, summary),
            new("empty", "empty", [], [], [], [], [], new SummarySection(0, 0, 0, 0, 0, 0, 0, 0, 0)),
        };
        var locations = new SortedDictionary<string, IReadOnlyList<EvidenceRow>>(StringComparer.Ordinal)
        {
            ["https://sk-secret@host"] = evidence,
            ["none"] = [],
        };
        var odd = report with
        {
            Subprocessors = subprocessors,
            Findings = findings,
            ZdrGaps = gaps,
            OpenQuestions = questions,
            Summary = summary,
            Stacks = stacks,
            PartyStacks = [new PartyStacksRow("x", Awkward[3], 2, [Awkward[2]])],
            Locations = locations,
            Components = [.. report.Components.Select(c => c with { Evidence = evidence, Receives = [.. Awkward] })],
        };

        var written = AssertSameBytes(odd, "every optional key");
        Assert.DoesNotContain("sk-secret", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0007", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_writer_writes_the_rows_by_hand()
    {
        // Else the comparisons above would compare the serializer with itself.
        var options = JsonRenderer.OptionsFor(new CleanedStrings(Clean), rowsByHand: true);
        foreach (var type in new[] { typeof(StackRow), typeof(FindingRow), typeof(SubProcessorRow), typeof(IReadOnlyList<EvidenceRow>), typeof(IReadOnlyList<string>) })
        {
            Assert.Equal(typeof(JsonRowWriter), options.GetConverter(type).GetType().DeclaringType);
        }
    }

    private static string AssertSameBytes(Report report, string what)
    {
        var contract = Written(report, rowsByHand: false);
        var byHand = Written(report, rowsByHand: true);
        Assert.True(contract.AsSpan().SequenceEqual(byHand), $"{what}: first difference at byte {FirstDifference(contract, byHand)}");
        return Encoding.UTF8.GetString(byHand);
    }

    private static byte[] Written(Report report, bool rowsByHand)
    {
        using var stream = new MemoryStream();
        JsonRenderer.Write(report, stream, Clean, rowsByHand);
        return stream.ToArray();
    }

    private static string FirstDifference(byte[] a, byte[] b)
    {
        var at = a.AsSpan().CommonPrefixLength(b);
        var from = Math.Max(0, at - 200);
        return $"{at}: contract ...{Encoding.UTF8.GetString(a, from, Math.Min(a.Length, at + 100) - from)}\n--- by hand ...{Encoding.UTF8.GetString(b, from, Math.Min(b.Length, at + 100) - from)}";
    }
}
