using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Package manager files that hold registry credentials, read only for those (their other settings are not the
/// stack's): <c>.npmrc</c> (npm/cli docs/content/configuring-npm/npmrc.md, "Auth related configuration": <c>_auth</c>,
/// <c>_authToken</c>, <c>_password</c>, scoped as <c>//host/path/:_authToken=...</c> or not), <c>pip.conf</c> /
/// <c>pip.ini</c> (<c>index-url</c> / <c>extra-index-url</c> take <c>https://username:password@host/simple</c>:
/// https://pip.pypa.io/en/stable/topics/authentication/), <c>.pypirc</c> (a <c>password</c> under each index section:
/// https://packaging.python.org/en/latest/specifications/pypirc/) and <c>NuGet.Config</c> (<c>&lt;add
/// key="ClearTextPassword" value="..." /&gt;</c> under packageSourceCredentials:
/// https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file). A URL with a password in any of them counts
/// too (<see cref="PackageIndexCredentials"/>, as in requirements files and Dockerfiles). Each literal credential is a
/// literal secret at its own line and column, every occurrence; a reference (<c>${NPM_TOKEN}</c>, NuGet's
/// <c>%FEED_PASSWORD%</c>) is none. Checked 2026-11-30.
/// </summary>
public sealed partial class PackageIndexConfigReader : IConfigReader
{
    private static readonly Dictionary<string, (string Kind, string[] Keys)> Files = new(StringComparer.OrdinalIgnoreCase)
    {
        [".npmrc"] = (".npmrc", ["_auth", "_authToken", "_password"]),
        ["pip.conf"] = ("pip.conf", []),
        ["pip.ini"] = ("pip.ini", []),
        [".pypirc"] = (".pypirc", ["password"]),
        ["nuget.config"] = ("NuGet.Config", []),
    };

    public string Name => "package-index-credentials";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => Files.ContainsKey(fileName);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName);

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var diagnostics = new List<Diagnostic>();
        var secrets = new SecretLedger();
        var values = new ConfigValues(new YamlDocument(file.DisplayPath, null), model, diagnostics, secrets);
        var (kind, keys) = Files[file.FileName];
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart() is ['#' or ';', ..])
            {
                continue;
            }

            PackageIndexCredentials.Check(values, i + 1, line, kind);
            if (kind == "NuGet.Config")
            {
                foreach (Match match in NuGetPasswordRegex().Matches(line))
                {
                    var value = match.Groups["value"];
                    if (!NuGetVariableRegex().IsMatch(value.Value))
                    {
                        values.CheckSecret("ClearTextPassword", new YamlScalar(i + 1, value.Index + 1, value.Value, true, null));
                    }
                }
            }
            else if ((kind == ".npmrc" ? NpmrcSettingRegex() : IniSettingRegex()).Match(line) is { Success: true } setting)
            {
                // npm scopes a credential to a registry: "//registry.example.com/:_authToken"; the name is after the last ':'.
                var key = setting.Groups["key"].Value;
                var name = kind == ".npmrc" ? key[(key.LastIndexOf(':') + 1)..] : key;
                var value = setting.Groups["value"];
                if (keys.Contains(name, StringComparer.Ordinal) && value.Length > 0)
                {
                    var quoted = value.Value.Length >= 2 && value.Value[0] is '"' or '\'' && value.Value[^1] == value.Value[0];
                    values.CheckSecret(name, new YamlScalar(i + 1, value.Index + 1, quoted ? value.Value[1..^1] : value.Value, quoted, null));
                }
            }
        }

        return new ReaderResult(model, diagnostics, secrets);
    }

    // npm's ini lines: key=value, the key possibly scoped to a registry with a port (//host:4873/:_authToken=...).
    [GeneratedRegex(@"^\s*(?<key>[^=\s][^=]*?)\s*=\s*(?<value>\S.*?)?\s*$")]
    private static partial Regex NpmrcSettingRegex();

    // Python's configparser lines: key = value or key: value.
    [GeneratedRegex(@"^\s*(?<key>[^=:\s][^=:]*?)\s*[=:]\s*(?<value>\S.*?)?\s*$")]
    private static partial Regex IniSettingRegex();

    [GeneratedRegex(@"<add\s+key\s*=\s*""ClearTextPassword""\s+value\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetPasswordRegex();

    [GeneratedRegex(@"^%[A-Za-z_][A-Za-z0-9_]*%$")]
    private static partial Regex NuGetVariableRegex();
}
