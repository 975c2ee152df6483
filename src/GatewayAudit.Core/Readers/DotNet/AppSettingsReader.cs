using System.Text;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.DotNet;

/// <summary>
/// A .NET project's <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c>: every value holding an address,
/// under its configuration key (sections joined by ':', array items by index, compared without case), with the
/// environment of an environment file, for code that reads the key from <c>IConfiguration</c> (joined across files by
/// <c>Stacks/SettingsFileJoin</c>). The host loads <c>appsettings.json</c>, then <c>appsettings.{Environment}.json</c>
/// over it, then environment variables (<c>A__B</c> for <c>A:B</c>) over both ("Configuration in ASP.NET Core", default
/// application configuration sources: https://learn.microsoft.com/aspnet/core/fundamentals/configuration, read
/// 2026-12-01). The files may hold comments, which .NET's JSON configuration provider skips. A literal credential
/// under a credential-named key, or a password inside a URL, is a finding; placeholders (<c>YOUR_KEY</c>) are not.
/// </summary>
public sealed partial class AppSettingsReader : IConfigReader
{
    private const int MaxDepth = 24;

    public string Name => "dotnet-appsettings";

    public IReadOnlyCollection<string> Extensions { get; } = [".json"];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) =>
        FileNameRegex().Match(fileName) is { Success: true } match && !match.Groups["environment"].Value.Equals("schema", StringComparison.OrdinalIgnoreCase);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName);

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var diagnostics = new List<Diagnostic>();
        var secrets = new SecretLedger();
        var (document, problems) = new SafeYamlLoader().Load(file.DisplayPath, WithoutComments(file.Text).Replace('\t', ' '));
        diagnostics.AddRange(file.UnreadBecause(problems, "it was not read as .NET settings: an address or key it holds is missing from this report"));
        if (document?.Root is not YamlMapping root)
        {
            return new ReaderResult(model, diagnostics, secrets);
        }

        var values = new ConfigValues(document, model, diagnostics, secrets);
        var environment = FileNameRegex().Match(file.FileName).Groups["environment"] is { Success: true } named ? named.Value : null;
        var folder = Path.GetDirectoryName(file.DisplayPath)?.Replace('\\', '/') ?? "";

        // appsettings.Example.json, or appsettings*.json in the project's Examples/ folder: an example, whose key is the
        // project's (the folder above), used only where no file the host loads sets it.
        var inExamples = ExamplesFolderRegex().IsMatch(Path.GetFileName(folder));
        var example = inExamples || ExampleEnvironmentRegex().IsMatch(environment ?? "");
        if (inExamples)
        {
            folder = Path.GetDirectoryName(folder)?.Replace('\\', '/') ?? "";
        }
        foreach (var (key, scalar) in Scalars(root, "", 0))
        {
            var text = scalar.Value.Trim();
            var last = key[(key.LastIndexOf(':') + 1)..];
            if (ConfigValues.IsSecretKey(GatewayAudit.Core.Readers.Gateways.GatewayKeys.Snake(last)))
            {
                values.CheckSecret(key, scalar);
                continue;
            }

            if (!text.Contains("://", StringComparison.Ordinal) || values.CheckUrlPassword(key, scalar, text) != text)
            {
                continue; // not an address, or one holding a password: never carried into a note
            }

            model.CodeClients.Settings.Add(new SettingValue(SettingValue.DotNet, key.ToLowerInvariant(), folder, example ? file.FileName : environment,
                file.At(scalar.Line, scalar.Column), text, key.Replace(":", "__", StringComparison.Ordinal)) { Example = example });
        }

        CodeApplication.AddForSecrets(model);
        return new ReaderResult(model, diagnostics, secrets);
    }

    private static IEnumerable<(string Key, YamlScalar Value)> Scalars(YamlNode node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    foreach (var found in Scalars(value, path.Length == 0 ? key.Value : $"{path}:{key.Value}", depth + 1))
                    {
                        yield return found;
                    }
                }

                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    foreach (var found in Scalars(sequence.Items[i], $"{path}:{i}", depth + 1))
                    {
                        yield return found;
                    }
                }

                break;
            case YamlScalar { IsNull: false } scalar when path.Length > 0:
                yield return (path, scalar);
                break;
        }
    }

    /// <summary>The text with <c>//</c> and <c>/* */</c> comments outside strings blanked, lines and columns kept.</summary>
    internal static string WithoutComments(string text)
    {
        var kept = new StringBuilder(text);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                inString = c != '"' || text[i - 1] == '\\' && (i < 2 || text[i - 2] != '\\');
                continue;
            }

            if (c == '"')
            {
                inString = true;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                var block = text[i + 1] == '*';
                var end = block ? text.IndexOf("*/", i + 2, StringComparison.Ordinal) : text.IndexOf('\n', i);
                end = end < 0 ? text.Length : block ? end + 2 : end;
                for (var k = i; k < end; k++)
                {
                    kept[k] = text[k] is '\n' or '\r' ? text[k] : ' ';
                }

                i = end - 1;
            }
        }

        return kept.ToString();
    }

    [GeneratedRegex(@"^(examples?|samples?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExamplesFolderRegex();

    [GeneratedRegex(@"^(examples?|samples?|template)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleEnvironmentRegex();

    // appsettings.json, appsettings.Development.json (the host's default JSON configuration files).
    [GeneratedRegex(@"^appsettings(\.(?<environment>[^.]+))?\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();
}
