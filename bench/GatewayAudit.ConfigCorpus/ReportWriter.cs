using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GatewayAudit.ConfigCorpus;

public sealed record RunInfo(string RepositoryRoot, string Cli, string Corpus, TimeSpan Elapsed);

/// <summary>Writes bench/CONFIG-CORPUS.md.</summary>
public static class ReportWriter
{
    public static string Write(IReadOnlyList<DeploymentRun> runs, RunInfo info)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');

        var required = runs.SelectMany(r => r.Match.Outcomes.Where(o => !o.Expected.Optional)).ToList();
        var listed = required.Where(o => o.IsListed).ToList();
        var right = listed.Where(o => o.Right).ToList();
        var listedNoHost = listed.Where(o => o.Expected.Role != "host").ToList();
        var rightNoHost = listedNoHost.Where(o => o.Right).ToList();
        var falseParties = runs.Sum(r => r.Match.FalseParties.Count);
        var scanParties = runs.Sum(r => r.Scan.Parties.Count - r.Match.Proxy.Count);
        var rejected = runs.Where(r => r.Scan.Rejected).ToList();
        var secrets = runs.SelectMany(r => r.Scan.Secrets.Select(s => (Run: r, Finding: s))).ToList();
        var judged = secrets.Where(s => s.Run.Deployment.Secrets.ContainsKey(s.Finding.Key)).ToList();
        var real = judged.Count(s => s.Run.Deployment.Secrets[s.Finding.Key].Real);
        var unjudged = secrets.Except(judged).ToList();

        L("# LiteLLM deployment corpus (issue #7, section 4)");
        L();
        L("How to run (from the repository root; the corpus folder lives outside any repository):");
        L();
        L("    # once per session: fetch each repository of bench/config-corpus/deployments.yaml, then");
        L("    bench/config-corpus/extract.sh --all /work/.mirror /work/corpus");
        L("    dotnet build -c Release src/GatewayAudit.Cli");
        L("    dotnet run -c Release --project bench/GatewayAudit.ConfigCorpus -- --corpus /work/corpus --out bench/CONFIG-CORPUS.md");
        L();
        L("`--keep-json DIR` keeps each scan's JSON; `--only id,id` runs a subset. The harness runs the built CLI");
        L("(`gateway-audit scan . --format json --fail-on none` in each deployment folder) rather than calling Core: it measures");
        L("what users run, exit codes included, and the JSON report is the stable contract while Core's API moves.");
        L();
        L($"- Date: {DateTime.UtcNow.ToString("yyyy-MM-dd", c)} (UTC)");
        L($"- Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, .NET runtime {Environment.Version}");
        L($"- Commit scanned: {Git(info.RepositoryRoot, "log -1 --format=%H%x20(%s)")}; src/ last changed in {Git(info.RepositoryRoot, "log -1 --format=%h%x20(%s) -- src")}");
        L($"- Corpus: {runs.Count} deployments from {runs.Select(r => r.Deployment.Repo).Distinct().Count()} public repositories, {runs.Sum(r => r.Deployment.Paths.Count)} files; {required.Count} parties a reviewer lists (+{runs.Sum(r => r.Deployment.Parties.Count(p => p.Optional))} optional); scans took {info.Elapsed.TotalSeconds.ToString("F0", c)} s in all");
        L();
        L("## Targets");
        L();
        L("| measure | value | target | met |");
        L("|---|---:|---:|---|");
        L($"| valid configs rejected (exit 2) | {rejected.Count} | 0 | {Met(rejected.Count == 0)} |");
        L($"| parties listed (of those wired) | {Pct(listed.Count, required.Count)} ({listed.Count}/{required.Count}) | ≥ 97 % | {Met(Ratio(listed.Count, required.Count) >= 0.97)} |");
        L($"| right vendor and hosting (of those listed) | {Pct(right.Count, listed.Count)} ({right.Count}/{listed.Count}) | ≥ 95 % | {Met(Ratio(right.Count, listed.Count) >= 0.95)} |");
        L($"| the same without the host party | {Pct(rightNoHost.Count, listedNoHost.Count)} ({rightNoHost.Count}/{listedNoHost.Count}) | (information) | |");
        var per50 = scanParties == 0 ? 0 : 50.0 * falseParties / scanParties;
        L($"| false parties per 50 listed | {per50.ToString("F1", c)} ({falseParties} of {scanParties}) | ≤ 1 | {Met(per50 <= 1)} |");
        L($"| literal-secret precision (judged) | {Pct(real, judged.Count)} ({real}/{judged.Count}; {unjudged.Count} unjudged) | ≥ 95 % | {Met(judged.Count > 0 && Ratio(real, judged.Count) >= 0.95)} |");
        L();
        L("## Per deployment");
        L();
        L("| deployment | exit | wired | listed | right | false | dup | secrets real/judged | missed, wrong, false |");
        L("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var req = run.Match.Outcomes.Where(o => !o.Expected.Optional).ToList();
            var s = run.Scan.Secrets;
            var sReal = s.Count(f => run.Deployment.Secrets.TryGetValue(f.Key, out var j) && j.Real);
            var sJudged = s.Count(f => run.Deployment.Secrets.ContainsKey(f.Key));
            var notes = new List<string>();
            notes.AddRange(req.Where(o => !o.IsListed).Select(o => $"missed {o.Expected.Name}"));
            notes.AddRange(req.Where(o => o.IsListed && !o.Right).Select(o => $"wrong {o.Expected.Name}"));
            notes.AddRange(run.Match.FalseParties.Select(f => $"false `{f.Id}`"));
            if (run.Scan.Rejected)
            {
                notes.Insert(0, "REJECTED: " + Cell(run.Scan.Error));
            }

            L($"| {run.Deployment.Id} | {run.Scan.ExitCode} | {req.Count} | {req.Count(o => o.IsListed)} | {req.Count(o => o.Right)} | {run.Match.FalseParties.Count} | {run.Match.Duplicates.Count} | {sReal}/{sJudged}{(s.Count > sJudged ? $" (+{s.Count - sJudged} unjudged)" : "")} | {Cell(string.Join("; ", notes))} |");
        }

        L();
        L("## Details");
        L();
        L("Each line: the annotated party (role, vendor, hosting) and what the scan listed for it (`id` vendor, hosting).");
        L();
        foreach (var run in runs)
        {
            var lines = new List<string>();
            foreach (var o in run.Match.Outcomes)
            {
                var tag = o.Expected.Optional ? " (optional)" : "";
                var expected = $"{o.Expected.Name}{tag} ({o.Expected.Role}, {o.Expected.Vendor}, {o.Expected.Hosting})";
                if (o.Listed is null)
                {
                    if (!o.Expected.Optional)
                    {
                        lines.Add($"- missed: {expected}: {o.Expected.Why}");
                    }
                }
                else if (!o.Right)
                {
                    lines.Add($"- wrong: {expected} listed as `{o.Listed.Id}` ({o.Listed.Role}, {Matcher.VendorOf(o.Listed)}, {o.Listed.Hosting})");
                }
            }

            lines.AddRange(run.Match.FalseParties.Select(f => $"- false party: `{f.Id}` {f.Name} ({f.Role}, {Matcher.VendorOf(f)}, {f.Hosting})"));
            lines.AddRange(run.Match.Duplicates.Select(d => $"- duplicate of {d.Party}: `{d.Scan.Id}` ({d.Scan.Role}, {Matcher.VendorOf(d.Scan)}, {d.Scan.Hosting})"));
            foreach (var f in run.Scan.Secrets)
            {
                if (run.Deployment.Secrets.TryGetValue(f.Key, out var j))
                {
                    lines.Add($"- literal-secret {f.Key}: {(j.Real ? "real" : "NOT a credential")} ({j.Why})");
                }
                else
                {
                    lines.Add($"- literal-secret {f.Key}: UNJUDGED");
                }
            }

            if (run.Scan.Rejected)
            {
                lines.Insert(0, $"- rejected (exit {run.Scan.ExitCode}): {run.Scan.Error}");
            }

            if (lines.Count == 0)
            {
                continue;
            }

            L($"### {run.Deployment.Id}");
            L();
            L($"{run.Deployment.Repo} @ {run.Deployment.Commit[..Math.Min(12, run.Deployment.Commit.Length)]}: {string.Join(", ", run.Deployment.Paths)}");
            L();
            foreach (var line in lines)
            {
                L(line);
            }

            L();
        }

        if (unjudged.Count > 0)
        {
            L("## Unjudged literal-secret findings");
            L();
            L("Add a judgement under the deployment's `secrets:` in bench/config-corpus/deployments.yaml.");
            L();
            foreach (var (run, finding) in unjudged)
            {
                L($"- {run.Deployment.Id}: {finding.Key}");
            }

            L();
        }

        L("## How scan entries are matched to annotated parties");
        L();
        L("The scan's roll-up `subprocessors` is compared with the annotation. The LiteLLM proxy's own entry (role gateway,");
        L("vendor litellm) is the operator's software on the host party and is not scored. A party with `match:` globs takes");
        L("the entries whose id matches. Every other party takes the best unclaimed entry of its role family (inference:");
        L("model-provider, self-hosted-inference, gateway; telemetry: exporter, alerting, operator-code; store: datastore,");
        L("cache; host; guardrail): first a party with a known vendor takes an entry of that vendor, then the rest (unknown");
        L("vendors first) take the best entry left, scored +4 same vendor (+2 none for an unknown vendor), +3 a name word in");
        L("common, +2 same role, +1 same hosting. An unclaimed entry of a claimed entry's family with the same vendor or a");
        L("name word in common is a duplicate (several endpoints of one party); anything else left is a false party.");
        L("\"Right\" means the entry's vendor is the annotated one (an operator-hosted party may also carry none) and its");
        L("hosting is the annotated one. Optional parties count neither as missed nor as false.");
        return sb.ToString();
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static string Pct(int a, int b) => (100 * Ratio(a, b)).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Git(string root, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start);
            var text = process?.StandardOutput.ReadToEnd().Trim() ?? "";
            process?.WaitForExit();
            return text.Length == 0 ? "unknown" : text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
