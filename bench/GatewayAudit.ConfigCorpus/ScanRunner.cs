using System.Diagnostics;
using System.Text.Json;

namespace GatewayAudit.ConfigCorpus;

/// <summary>One sub-processor of the scan's roll-up (<c>subprocessors</c>).</summary>
public sealed record ScanParty(string Id, string Name, string Role, string? Vendor, string Hosting, string Region);

/// <summary>One literal-secret finding, its file relative to the deployment folder.</summary>
public sealed record SecretFinding(string File, int Line, bool Suppressed)
{
    public string Key => $"{File}:{Line}";
}

/// <summary>What one scan of one deployment folder gave.</summary>
public sealed class ScanResult
{
    public int ExitCode { get; init; }

    public string Error { get; init; } = "";

    public TimeSpan Elapsed { get; init; }

    public List<ScanParty> Parties { get; } = [];

    public List<SecretFinding> Secrets { get; } = [];

    public int Diagnostics { get; set; }

    public int Stacks { get; set; }

    /// <summary>Exit 2 (bad usage or unreadable input), a crash, or output that is not the JSON report.</summary>
    public bool Rejected => ExitCode == 2 || Error.Length > 0;
}

/// <summary>Runs the built CLI: what a user runs, exit codes included, and independent of Core's internal API.</summary>
public static class ScanRunner
{
    public static async Task<ScanResult> ScanAsync(string cliDll, string folder, string? keepJsonAs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cliDll, "scan", ".", "--format", "json", "--fail-on", "none" })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await stdout;
        var errors = await stderr;
        clock.Stop();
        if (keepJsonAs is not null)
        {
            await File.WriteAllTextAsync(keepJsonAs, json);
        }

        if (process.ExitCode == 2 || json.Length == 0)
        {
            return new ScanResult { ExitCode = process.ExitCode, Error = FirstLine(errors), Elapsed = clock.Elapsed };
        }

        try
        {
            var result = new ScanResult { ExitCode = process.ExitCode, Elapsed = clock.Elapsed };
            Read(json, result);
            return result;
        }
        catch (JsonException e)
        {
            return new ScanResult { ExitCode = process.ExitCode, Error = "output is not JSON: " + e.Message, Elapsed = clock.Elapsed };
        }
    }

    private static void Read(string json, ScanResult result)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var item in Array(root, "subprocessors"))
        {
            var thirdParty = item.TryGetProperty("thirdParty", out var tp) && tp.ValueKind == JsonValueKind.True;
            var hosting = Text(item, "hosting") ?? (thirdParty ? "third-party" : "operator-hosted");
            result.Parties.Add(new ScanParty(
                Text(item, "id") ?? "",
                Text(item, "name") ?? "",
                Text(item, "role") ?? "",
                Text(item, "vendor"),
                hosting,
                Text(item, "region") ?? ""));
        }

        foreach (var finding in Array(root, "findings"))
        {
            if (Text(finding, "ruleId") != "literal-secret")
            {
                continue;
            }

            var file = (Text(finding, "file") ?? "").Replace('\\', '/');
            file = file.StartsWith("./", StringComparison.Ordinal) ? file[2..] : file;
            var line = finding.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
            var suppressed = finding.TryGetProperty("suppressed", out var s) && s.ValueKind == JsonValueKind.True;
            result.Secrets.Add(new SecretFinding(file, line, suppressed));
        }

        result.Diagnostics = Array(root, "diagnostics").Count();
        result.Stacks = Array(root, "stacks").Count();
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length == 0 ? "exit 2 with no message" : line;
    }
}
